#!/usr/bin/env bash
# Packages the VS Code extension (editors/vscode, with the TextMate grammar and language configuration of
# editors/) as a VSIX, which is a zip with a manifest: no network and no npm packages needed.
# Usage: scripts/package-vscode.sh [OUTPUT.vsix]   (default: .build/sandtable-ttx-VERSION.vsix)
# Install it with: code --install-extension OUTPUT.vsix
set -euo pipefail
cd "$(dirname "$0")/.."
exec python3 - "$@" <<'PY'
import json, pathlib, sys, zipfile
from xml.sax.saxutils import escape

editors = pathlib.Path("editors")
manifest = json.loads((editors / "vscode/package.json").read_text(encoding="utf-8"))
nls = json.loads((editors / "vscode/package.nls.json").read_text(encoding="utf-8"))
version = manifest["version"]
output = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else f".build/{manifest['name']}-{version}.vsix")
output.parent.mkdir(parents=True, exist_ok=True)

files = {
    "extension/package.json": editors / "vscode/package.json",
    "extension/package.nls.json": editors / "vscode/package.nls.json",
    "extension/package.nls.zh-cn.json": editors / "vscode/package.nls.zh-cn.json",
    "extension/extension.js": editors / "vscode/extension.js",
    "extension/ttx.tmLanguage.json": editors / "ttx.tmLanguage.json",
    "extension/language-configuration.json": editors / "language-configuration.json",
    "extension/README.md": editors / "README.md",
}
for name in ("main",):
    assert (editors / "vscode" / manifest[name]).exists(), manifest[name]
for contribution in manifest["contributes"]["grammars"] + manifest["contributes"]["languages"]:
    target = contribution.get("path") or contribution.get("configuration")
    assert f"extension/{target[2:]}" in files, target

description = nls["description"]
vsixmanifest = f"""<?xml version="1.0" encoding="utf-8"?>
<PackageManifest Version="2.0.0" xmlns="http://schemas.microsoft.com/developer/vsx-schema/2011" xmlns:d="http://schemas.microsoft.com/developer/vsx-schema-design/2011">
  <Metadata>
    <Identity Language="en-US" Id="{manifest['name']}" Version="{version}" Publisher="{manifest['publisher']}" />
    <DisplayName>{escape(manifest['displayName'])}</DisplayName>
    <Description xml:space="preserve">{escape(description)}</Description>
    <Tags>ttx,sandtable,tabletop exercise</Tags>
    <Categories>{escape(','.join(manifest['categories']))}</Categories>
    <GalleryFlags>Public</GalleryFlags>
    <Properties>
      <Property Id="Microsoft.VisualStudio.Code.Engine" Value="{manifest['engines']['vscode']}" />
      <Property Id="Microsoft.VisualStudio.Code.ExtensionDependencies" Value="" />
      <Property Id="Microsoft.VisualStudio.Code.ExtensionPack" Value="" />
      <Property Id="Microsoft.VisualStudio.Code.ExtensionKind" Value="workspace" />
      <Property Id="Microsoft.VisualStudio.Code.LocalizedLanguages" Value="" />
    </Properties>
  </Metadata>
  <Installation>
    <InstallationTarget Id="Microsoft.VisualStudio.Code" />
  </Installation>
  <Dependencies />
  <Assets>
    <Asset Type="Microsoft.VisualStudio.Code.Manifest" Path="extension/package.json" Addressable="true" />
    <Asset Type="Microsoft.VisualStudio.Services.Content.Details" Path="extension/README.md" Addressable="true" />
  </Assets>
</PackageManifest>
"""
content_types = """<?xml version="1.0" encoding="utf-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
  <Default Extension=".json" ContentType="application/json" />
  <Default Extension=".js" ContentType="application/javascript" />
  <Default Extension=".md" ContentType="text/markdown" />
  <Default Extension=".vsixmanifest" ContentType="text/xml" />
</Types>
"""
with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as vsix:
    vsix.writestr("[Content_Types].xml", content_types)
    vsix.writestr("extension.vsixmanifest", vsixmanifest)
    for name, source in files.items():
        vsix.write(source, name)
print(output)
PY
