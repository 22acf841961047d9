; The Windows installer, made by packaging/build-installer with makensis:
;   makensis -DVERSION=… -DEXE=…\sentra.exe -DOUTFILE=… packaging/windows/sentra.nsi
; Installs into Program Files, adds a Start-menu entry with the icon and an
; uninstaller in Apps & features. The uninstaller removes only what this
; installer put in Program Files: the book and its backups live in the
; person's AppData (%APPDATA%\Sentra\Sentra\data) and are never touched.
Unicode true
Target amd64-unicode
RequestExecutionLevel admin
SetCompressor /SOLID lzma

!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Sentra"

Name "Sentra ${VERSION}"
OutFile "${OUTFILE}"
Icon "${ROOT}\assets\icon\sentra.ico"
UninstallIcon "${ROOT}\assets\icon\sentra.ico"
InstallDir "$PROGRAMFILES64\Sentra"
InstallDirRegKey HKLM "${UNINSTALL_KEY}" "InstallLocation"
ShowInstDetails show

Page directory
Page instfiles
UninstPage uninstConfirm
UninstPage instfiles

Section "Sentra"
  SetShellVarContext all
  SetOutPath "$INSTDIR"
  File "/oname=sentra.exe" "${EXE}"
  File "/oname=README.md" "${ROOT}\README.md"
  File "/oname=sentra.ico" "${ROOT}\assets\icon\sentra.ico"
  SetOutPath "$INSTDIR\fonts"
  File "${ROOT}\assets\fonts\OFL.txt"
  SetOutPath "$INSTDIR"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortcut "$SMPROGRAMS\Sentra.lnk" "$INSTDIR\sentra.exe" "" "$INSTDIR\sentra.exe" 0

  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "Sentra"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "Sentra"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\sentra.exe,0"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  SetShellVarContext all
  ; Only the files this installer wrote: never a folder's whole contents.
  Delete "$SMPROGRAMS\Sentra.lnk"
  Delete "$INSTDIR\sentra.exe"
  Delete "$INSTDIR\README.md"
  Delete "$INSTDIR\sentra.ico"
  Delete "$INSTDIR\fonts\OFL.txt"
  RMDir "$INSTDIR\fonts"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKLM "${UNINSTALL_KEY}"
SectionEnd
