; Inno Setup 6 script for Sổ Công đoàn (Windows). Build the bundle first (`make bundle` on
; Windows → dist\SoCongDoan\), then compile:  iscc installer\socongdoan.iss
; Output: dist\installer\SoCongDoan-0.1.0-setup.exe
;
; Per-user install (no administrator rights): the program goes to
; %LOCALAPPDATA%\Programs\SoCongDoan. The user's data (database, backups) lives in
; %LOCALAPPDATA%\SoCongDoan (platformdirs, see core/paths.py) — a different folder, which the
; uninstaller never touches: it removes only the files it installed.
;
; This file is UTF-8 with a byte-order mark (Inno Setup needs it for the Vietnamese names).

#define AppName "Sổ Công đoàn"
#define AppExeName "SoCongDoan.exe"
#define AppVersion "0.1.0"
#define AppPublisher "Sổ Công đoàn"
#define BundleDir "..\dist\SoCongDoan"

; Vietnamese is not among Inno Setup's official translations. Use it when available: a copy of
; Vietnamese.isl (https://jrsoftware.org/files/istrans/) next to this script, or one installed
; into the compiler's Languages folder. Otherwise the installer is English only.
#if FileExists(AddBackslash(SourcePath) + "Vietnamese.isl")
  #define VietnameseIsl AddBackslash(SourcePath) + "Vietnamese.isl"
#elif FileExists(AddBackslash(CompilerPath) + "Languages\Vietnamese.isl")
  #define VietnameseIsl "compiler:Languages\Vietnamese.isl"
#elif FileExists(AddBackslash(CompilerPath) + "Languages\Unofficial\Vietnamese.isl")
  #define VietnameseIsl "compiler:Languages\Unofficial\Vietnamese.isl"
#endif

[Setup]
; AppId identifies the program for upgrades and uninstall: never change it.
AppId={{8392971D-CFDC-459C-8190-2DFC833FB198}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\SoCongDoan
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\dist\installer
OutputBaseFilename=SoCongDoan-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
LanguageDetectionMethod=uilanguage
; Close a running copy before files are replaced or removed.
CloseApplications=yes
RestartApplications=no
UninstallDisplayName={#AppName}
UninstallDisplayIcon={app}\{#AppExeName}
#if FileExists(AddBackslash(SourcePath) + "..\resources\icons\app.ico")
SetupIconFile=..\resources\icons\app.ico
#endif

[Languages]
; The first language is the default when Windows' UI language matches neither.
#ifdef VietnameseIsl
Name: "vi"; MessagesFile: "{#VietnameseIsl}"
#endif
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole PyInstaller one-folder bundle: SoCongDoan.exe, socongdoan-cli.exe, _internal\.
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; Files of an older version's bundle that this one no longer ships (stale DLLs, .pyc).
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExeName}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#StringChange(AppName, '&', '&&')}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] on purpose: the user's database and backups in %LOCALAPPDATA%\SoCongDoan
; stay after uninstalling (and are picked up again by a later install).
