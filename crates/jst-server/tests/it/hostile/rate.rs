//! Rate limits: a verified token is limited per token, anything else per address, and a 429
//! says when to come back. (That the per-address structure stays bounded under 100 000 random
//! tokens is a unit test of `jst-server`, which can see its size.)

use std::time::Duration;

use jst_server::{RateLimits, ServeLimits};
use serde_json::{json, Value};

use super::{item, quick_limits, submit, Setup};

fn limits() -> ServeLimits {
    ServeLimits {
        rate: RateLimits {
            window: Duration::from_secs(3),
            per_token: 5,
            failures_per_address: 8,
            ..RateLimits::default()
        },
        ..quick_limits()
    }
}

#[test]
fn a_verified_token_is_limited_per_token_with_retry_after() {
    let setup = Setup::new();
    let addr = setup.serve(limits());
    let items = [item("LUD_OGOLEM", 2024, json!(8_000.0), Value::Null)];
    for n in 0..5 {
        let reply = submit(addr, &setup.tokens[0], n, &items);
        assert_eq!(reply.status, 200, "request {n}: {reply:?}");
    }
    let refused = submit(addr, &setup.tokens[0], 5, &items);
    assert_eq!((refused.status, refused.code()), (429, json!("rate_limited")), "{refused:?}");
    assert!(refused.header("content-type").is_some_and(|c| c.starts_with("application/json")));
    let retry: u64 = refused
        .header("retry-after")
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("no Retry-After: {}", refused.head));
    assert!((1..=3).contains(&retry), "Retry-After {retry} within the 3 s window");
    // Another unit is not limited by the first one's requests.
    assert_eq!(submit(addr, &setup.tokens[1], 100, &items).status, 200);
    // The window slides: after Retry-After the unit is served again.
    std::thread::sleep(Duration::from_secs(retry) + Duration::from_millis(200));
    assert_eq!(submit(addr, &setup.tokens[0], 6, &items).status, 200);
}

#[test]
fn random_tokens_are_limited_per_address_and_do_not_lock_out_a_valid_token() {
    let setup = Setup::new();
    let addr = setup.serve(limits());
    let items = [item("LUD_OGOLEM", 2024, json!(8_000.0), Value::Null)];
    let random = |n: u32| {
        format!(
            "jst_{:064x}",
            u128::from(n).wrapping_mul(0x9e37_79b9_7f4a_7c15_f39c_c060_5ced_c835)
        )
    };
    for n in 0..8 {
        let reply = submit(addr, &random(n), n, &items);
        assert_eq!((reply.status, reply.code()), (401, json!("unauthorized")), "token {n}");
    }
    // Each token is new, yet the address has used its failures: 429 before any lookup.
    let refused = submit(addr, &random(8), 8, &items);
    assert_eq!((refused.status, refused.code()), (429, json!("rate_limited")), "{refused:?}");
    assert!(refused.header("retry-after").is_some(), "{}", refused.head);
    // Missing tokens count as failures too.
    let none = super::send(addr, "GET", "/v1/submissions/x", &[], b"");
    assert_eq!(none.status, 429, "{none:?}");
    // A unit behind the same address is verified first and served.
    assert_eq!(submit(addr, &setup.tokens[0], 50, &items).status, 200);
}
