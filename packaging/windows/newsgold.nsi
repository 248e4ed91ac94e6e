; NewsGold Windows installer (NSIS 3, Unicode). Packs the PyInstaller one-folder build.
;
;   makensis -DVERSION=0.1.0 -DPAYLOAD=dist\newsgold -DOUTFILE=dist\NewsGold-0.1.0-setup.exe ^
;            -DICON=build\icons\newsgold.ico packaging\windows\newsgold.nsi
;
; PAYLOAD must hold newsgold.exe (windowed GUI), newsgold-cli.exe (console) and _internal\.
; Per-machine install into Program Files (needs admin), Start-menu shortcut, Add/Remove Programs
; entry, and the *.newsgold file association (ProgID org.newsgold.NewsGold.corpus) that
; opens "newsgold.exe" "%1". Compiled on Linux by packaging/verify_windows_installer.sh
; (Debian's makensis) against a dummy payload; the release workflow builds the real one.

Unicode true
!ifdef NOCOMPRESS
  SetCompress off  ; lets the CI check read the registry strings out of the compiled installer
!else
  SetCompressor /SOLID lzma
!endif
RequestExecutionLevel admin

!define APP_NAME "NewsGold"
!define APP_ID "org.newsgold.NewsGold"
!define PROGID "${APP_ID}.corpus"
!define EXT ".newsgold"
!define MIME "application/x-newsgold-corpus"
!define PUBLISHER "NewsGold developers"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"
!ifndef VERSION
  !define VERSION "0.1.0"
!endif
!ifndef PAYLOAD
  !define PAYLOAD "..\..\dist\newsgold"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\..\dist\NewsGold-${VERSION}-setup.exe"
!endif

!include "MUI2.nsh"
!include "x64.nsh"

Name "${APP_NAME} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\${APP_NAME}"
InstallDirRegKey HKLM "${UNINST_KEY}" "InstallLocation"
BrandingText "${APP_NAME} ${VERSION}"
VIProductVersion "${VERSION}.0"
VIAddVersionKey "ProductName" "${APP_NAME}"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "CompanyName" "${PUBLISHER}"
VIAddVersionKey "FileDescription" "${APP_NAME} installer"
VIAddVersionKey "LegalCopyright" "${PUBLISHER} (MIT)"

!ifdef ICON
  !define MUI_ICON "${ICON}"
  !define MUI_UNICON "${ICON}"
!endif
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\newsgold.exe"
!define MUI_FINISHPAGE_RUN_TEXT "Start ${APP_NAME}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "${APP_NAME} needs 64-bit Windows 10 or newer."
    Abort
  ${EndIf}
  SetRegView 64
FunctionEnd

Function un.onInit
  SetRegView 64
FunctionEnd

Section "${APP_NAME}" SecMain
  SectionIn RO
  ; a previous version's files go first, so no stale module shadows a new one
  RMDir /r "$INSTDIR\_internal"
  SetOutPath "$INSTDIR"
  File /r "${PAYLOAD}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\newsgold.exe" "" "$INSTDIR\newsgold.exe" 0

  ; Add/Remove Programs
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\newsgold.exe,0"
  WriteRegStr HKLM "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoRepair" 1

  ; App Paths: "newsgold" from Win+R; newsgold-cli.exe is the console entry for scripts
  WriteRegStr HKLM "Software\Microsoft\Windows\CurrentVersion\App Paths\newsgold.exe" "" "$INSTDIR\newsgold.exe"

  ; file association: *.newsgold -> ProgID -> "newsgold.exe" "%1"
  WriteRegStr HKLM "Software\Classes\${EXT}" "" "${PROGID}"
  WriteRegStr HKLM "Software\Classes\${EXT}" "Content Type" "${MIME}"
  WriteRegStr HKLM "Software\Classes\${EXT}" "PerceivedType" "document"
  WriteRegStr HKLM "Software\Classes\${EXT}\OpenWithProgids" "${PROGID}" ""
  WriteRegStr HKLM "Software\Classes\${PROGID}" "" "NewsGold corpus"
  WriteRegStr HKLM "Software\Classes\${PROGID}" "FriendlyTypeName" "NewsGold corpus"
  WriteRegStr HKLM "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\newsgold.exe,0"
  WriteRegStr HKLM "Software\Classes\${PROGID}\shell" "" "open"
  WriteRegStr HKLM "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\newsgold.exe" "%1"'
  WriteRegStr HKLM "Software\Classes\Applications\newsgold.exe" "FriendlyAppName" "${APP_NAME}"
  WriteRegStr HKLM "Software\Classes\Applications\newsgold.exe\SupportedTypes" "${EXT}" ""
  WriteRegStr HKLM "Software\Classes\Applications\newsgold.exe\shell\open\command" "" '"$INSTDIR\newsgold.exe" "%1"'
  ; tell Explorer the associations changed (SHCNE_ASSOCCHANGED, SHCNF_IDLIST)
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

Section "Uninstall"
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  ; only remove the extension's default if it still points at us (another app may have taken it)
  ReadRegStr $0 HKLM "Software\Classes\${EXT}" ""
  StrCmp $0 "${PROGID}" 0 +2
    DeleteRegValue HKLM "Software\Classes\${EXT}" ""
  DeleteRegValue HKLM "Software\Classes\${EXT}\OpenWithProgids" "${PROGID}"
  DeleteRegKey /ifempty HKLM "Software\Classes\${EXT}\OpenWithProgids"
  DeleteRegKey HKLM "Software\Classes\${PROGID}"
  DeleteRegKey HKLM "Software\Classes\Applications\newsgold.exe"
  DeleteRegKey HKLM "Software\Microsoft\Windows\CurrentVersion\App Paths\newsgold.exe"
  DeleteRegKey HKLM "${UNINST_KEY}"
  ; program files only: the user's corpora, settings and logs (%LOCALAPPDATA%\NewsGold) stay
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\newsgold.exe"
  Delete "$INSTDIR\newsgold-cli.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd
