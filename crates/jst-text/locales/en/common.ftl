# Where to go next. A message that sends the user somewhere references one of these; the
# window names its own screens, the command line a `jst` command ($surface: window | cli).

hint-choose-unit = { $surface ->
    [window] choose it in the unit chooser (at first start, or Settings → Unit)
   *[cli] jst init --unit TERYT
}
hint-open-demo = { $surface ->
    [window] or open the demo from the unit chooser
   *[cli] or open the demo: jst init --demo
}
hint-search-unit = { $surface ->
    [window] search for it by name in the unit chooser
   *[cli] search for it by name: jst units search NAME
}
hint-import-strategy = { $surface ->
    [window] load a strategy template on the Data or Strategy screen
   *[cli] load a strategy template: jst import strategy FILE
}
hint-list-strategies = { $surface ->
    [window] the Strategy screen shows the loaded strategies
   *[cli] to list them: jst strategy list
}
hint-import-values = { $surface ->
    [window] type or load values on the Data screen
   *[cli] load values: jst import values FILE
}
hint-import-catalogue = { $surface ->
    [window] load the indicator catalogue on the Data screen
   *[cli] load the catalogue: jst import catalogue FILE
}
hint-get-peers = { $surface ->
    [window] download them on the Synchronisation screen or load a file on the Data screen
   *[cli] download them: jst sync, or load a file: jst import peers FILE
}
hint-import-register = { $surface ->
    [window] load the register file on the Data screen and allow the register to shrink
   *[cli] load the register file by hand: jst import register FILE --allow-shrink
}
hint-save-group = { $surface ->
    [window] save it on the Comparisons screen
   *[cli] save it on the Comparisons screen or: jst groups save NAME --units T1,T2
}
hint-list-keys = { $surface ->
    [window] Settings → Trusted release keys lists the trusted keys
   *[cli] to list the keys: jst trust list
}
hint-reset-thresholds = { $surface ->
    [window] restore the defaults in Settings → Status thresholds
   *[cli] restore the defaults: jst settings thresholds --reset
}
hint-server-address = { $surface ->
    [window] enter the server address on the Synchronisation screen
   *[cli] give the server address: jst sync --server URL
}
hint-unit-token = { $surface ->
    [window] enter the association's token on the Synchronisation screen
   *[cli] enter the association's token: jst token set
}
hint-sync = { $surface ->
    [window] download the release on the Synchronisation screen
   *[cli] download the release: jst sync
}
