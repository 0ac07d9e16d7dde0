; Polish text for the Tauri bundler's own NSIS messages (Tauri CLI 2.12.5 ships none).
; Wired up via bundle > windows > nsis > customLanguageFiles in src-tauri/tauri.conf.json.
;
; Same 28 string names as the bundler's English.nsh. Save as UTF-8 WITHOUT a BOM: the
; bundler copies this file and prepends a BOM itself. ${LANG_POLISH} comes from
; !insertmacro MUI_LANGUAGE "Polish", which the template runs before including this file.
; NSIS escapes: $\n is a line break, $$ a literal dollar sign, $\" a double quote.
;
; Deliberate differences from English.nsh:
; - appRunning, appRunningOkKill, failedToKillApp and noPermissionToCloseApp name the
;   program with ${PRODUCTNAME} (fixed when makensis runs) instead of the {{product_name}}
;   placeholder that utils.nsh replaces at run time via nsis_tauri_utils::StrReplace. The
;   result is the same, and stays right even if that plug-in call fails.
; - deleteAppData says plainly that the unit's data and backups go for good: the box
;   deletes %APPDATA%\pl.monitorjst.app (local.db, kopie\) and %LOCALAPPDATA%\pl.monitorjst.app.
; - The two radio buttons and the checkbox hold one short line each, so those texts are brief.
LangString addOrReinstall ${LANG_POLISH} "Dodaj lub ponownie zainstaluj składniki"
LangString alreadyInstalled ${LANG_POLISH} "Program jest już zainstalowany"
LangString alreadyInstalledLong ${LANG_POLISH} "Program ${PRODUCTNAME} w wersji ${VERSION} jest już zainstalowany. Wybierz czynność i kliknij Dalej, aby kontynuować."
LangString appRunning ${LANG_POLISH} "Program ${PRODUCTNAME} jest uruchomiony. Zamknij go i spróbuj ponownie."
LangString noPermissionToCloseApp ${LANG_POLISH} "Brak uprawnień do zamknięcia programu ${PRODUCTNAME}. Zamknij go samodzielnie i spróbuj ponownie."
LangString appRunningOkKill ${LANG_POLISH} "Program ${PRODUCTNAME} jest uruchomiony.$\nKliknij OK, aby go zamknąć (niezapisane zmiany mogą zostać utracone), lub Anuluj, aby przerwać."
LangString chooseMaintenanceOption ${LANG_POLISH} "Wybierz, co zrobić z zainstalowanym programem."
LangString chooseHowToInstall ${LANG_POLISH} "Wybierz sposób instalacji programu ${PRODUCTNAME}."
LangString createDesktop ${LANG_POLISH} "Utwórz skrót na pulpicie"
LangString dontUninstall ${LANG_POLISH} "Nie odinstalowuj"
LangString dontUninstallDowngrade ${LANG_POLISH} "Nie odinstalowuj (niedostępne przy instalacji starszej wersji)"
LangString failedToKillApp ${LANG_POLISH} "Nie udało się zamknąć programu ${PRODUCTNAME}. Zamknij go samodzielnie i spróbuj ponownie."
LangString installingWebview2 ${LANG_POLISH} "Instalowanie składnika WebView2..."
LangString newerVersionInstalled ${LANG_POLISH} "Na komputerze jest już zainstalowana nowsza wersja programu ${PRODUCTNAME}. Instalowanie starszej wersji nie jest zalecane. Jeśli mimo to chcesz ją zainstalować, najpierw odinstaluj obecną wersję. Wybierz czynność i kliknij Dalej, aby kontynuować."
LangString older ${LANG_POLISH} "starsza"
LangString olderOrUnknownVersionInstalled ${LANG_POLISH} "Na komputerze jest zainstalowana $R4 wersja programu ${PRODUCTNAME}. Przed instalacją zaleca się odinstalowanie obecnej wersji. Wybierz czynność i kliknij Dalej, aby kontynuować."
LangString silentDowngrades ${LANG_POLISH} "Ten instalator nie pozwala zainstalować starszej wersji, dlatego instalacja w trybie cichym nie może być kontynuowana. Uruchom instalator w zwykłym trybie z oknami.$\n"
LangString unableToUninstall ${LANG_POLISH} "Nie udało się odinstalować programu."
LangString uninstallApp ${LANG_POLISH} "Odinstaluj program ${PRODUCTNAME}"
LangString uninstallBeforeInstalling ${LANG_POLISH} "Odinstaluj przed instalacją"
LangString unknown ${LANG_POLISH} "nieznana"
LangString webview2AbortError ${LANG_POLISH} "Nie udało się zainstalować składnika WebView2. Program nie może bez niego działać. Spróbuj ponownie uruchomić instalator."
LangString webview2DownloadError ${LANG_POLISH} "Błąd: nie udało się pobrać składnika WebView2 - $0"
LangString webview2DownloadSuccess ${LANG_POLISH} "Pobrano instalator składnika WebView2"
LangString webview2Downloading ${LANG_POLISH} "Pobieranie instalatora składnika WebView2..."
LangString webview2InstallError ${LANG_POLISH} "Błąd: instalacja składnika WebView2 nie powiodła się, kod zakończenia $1"
LangString webview2InstallSuccess ${LANG_POLISH} "Zainstalowano składnik WebView2"
LangString deleteAppData ${LANG_POLISH} "Usuń także dane jednostki i kopie zapasowe (nieodwracalnie)"
