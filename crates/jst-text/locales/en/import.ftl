# import

severity-critical = critical
severity-error = error
severity-warning = warning
severity-info = info
