#!/usr/bin/env python3
"""Assembles Qiying's base image without a Docker daemon or a registry: a Java runtime cut from this machine's JDK
with jlink, the C libraries it and the native parts of the app (ONNX Runtime, DJL tokenizers) link against, the CJK
font the printable cards embed, a non-root user. Written as a `docker save` tarball that Jib takes as its base
(`tar://`) and lays the application on.

    deploy/image/base-image.py OUTPUT.tar [--work DIR]

JAVA_HOME (or the java on PATH) must be a JDK 17+ with jmods; the font comes from Debian's fonts-noto-cjk.
"""
import argparse
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

# What Spring Boot, Tomcat, Jedis, POI, OpenPDF, ONNX Runtime and the JMX/JFR tooling reach; jdk.localedata for
# Chinese formats, jdk.crypto.ec for TLS to WeChat, jdk.unsupported for Netty-free Unsafe users.
MODULES = ["java.base", "java.compiler", "java.desktop", "java.instrument", "java.logging", "java.management",
           "java.management.rmi", "java.naming", "java.net.http", "java.prefs", "java.rmi", "java.scripting",
           "java.security.jgss", "java.security.sasl", "java.sql", "java.transaction.xa", "java.xml", "java.xml.crypto",
           "jdk.crypto.ec", "jdk.crypto.cryptoki", "jdk.jfr", "jdk.localedata", "jdk.management", "jdk.management.agent",
           "jdk.naming.dns", "jdk.net", "jdk.unsupported", "jdk.zipfs", "jdk.httpserver", "jdk.charsets"]
# Loaded at run time by native code inside the app's jars (ONNX Runtime is C++), so ldd of the JRE does not list them.
EXTRA_LIBRARIES = ["libstdc++.so.6", "libgcc_s.so.1"]
FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
USER_ID = 10001
ENV = ["PATH=/opt/java/bin:/usr/bin:/bin", "JAVA_HOME=/opt/java", "LANG=C.UTF-8", "HOME=/home/qiying",
       "TZ=Asia/Shanghai"]


def fail(message):
    print("base-image: " + message, file=sys.stderr)
    sys.exit(1)


def java_home():
    home = os.environ.get("JAVA_HOME")
    if not home:
        java = shutil.which("java") or fail("no java on PATH and no JAVA_HOME")
        home = str(Path(os.path.realpath(java)).parent.parent)
    home = Path(home)
    if not (home / "jmods").is_dir():
        fail(f"{home} has no jmods: install the JDK's jmods (Debian: openjdk-17-jdk-headless ships them) or set JAVA_HOME")
    return home


# A server runs headless: no X11 toolkit, no splash screen, no sound (and none of the X and ALSA libraries they link).
DESKTOP_ONLY = ["libawt_xawt.so", "libjawt.so", "libsplashscreen.so", "libjsound.so"]


def jlink(home, out):
    subprocess.run([str(home / "bin" / "jlink"), "--add-modules", ",".join(MODULES), "--strip-debug", "--no-man-pages",
                    "--no-header-files", "--compress=2", "--output", str(out)], check=True)
    for name in DESKTOP_ONLY:
        (out / "lib" / name).unlink(missing_ok=True)


def elf_files(root):
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with open(path, "rb") as f:
                if f.read(4) == b"\x7fELF":
                    yield path


def linked_libraries(files, java):
    """Every system library (as ldd resolves it on this machine) the given ELF files need, and the loader."""
    found = set()
    # the JRE's own libraries find each other (libjvm.so among them) through the launcher, as here
    env = dict(os.environ, LD_LIBRARY_PATH=f"{java / 'lib'}:{java / 'lib' / 'server'}")
    for f in files:
        out = subprocess.run(["ldd", str(f)], capture_output=True, text=True, env=env).stdout
        for line in out.splitlines():
            parts = line.split()
            if "=>" in parts and parts[parts.index("=>") + 1].startswith("/"):
                found.add(parts[parts.index("=>") + 1])
            elif parts and parts[0].startswith("/"):
                found.add(parts[0])
            if "not found" in line:
                fail(f"{f} needs {parts[0]}, which this machine lacks")
    return {f for f in found if not f.startswith(str(java))}


def find_library(name):
    out = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True).stdout
    for line in out.splitlines():
        if line.strip().startswith(name + " ") and "x86-64" in line:
            return line.split("=>")[1].strip()
    fail(f"{name} is not installed here")


def copy_library(path, rootfs):
    """The real file at its real (merged-/usr) place, and the name it was asked for as a symlink beside it."""
    real = Path(os.path.realpath(path))
    target = rootfs / real.relative_to("/")
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists():
        shutil.copy2(real, target)
    asked = Path(os.path.realpath(Path(path).parent)) / Path(path).name
    link = rootfs / asked.relative_to("/")
    if link != target and not link.exists() and not link.is_symlink():
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(os.path.relpath(target, link.parent))


def build_rootfs(rootfs):
    home = java_home()
    if rootfs.exists():
        shutil.rmtree(rootfs)
    rootfs.mkdir(parents=True)
    for d in ["usr/bin", "usr/lib/x86_64-linux-gnu", "usr/lib64", "etc", "tmp", "home/qiying", "app", "dev", "proc"]:
        (rootfs / d).mkdir(parents=True, exist_ok=True)
    for name, target in [("bin", "usr/bin"), ("lib", "usr/lib"), ("lib64", "usr/lib64")]:
        (rootfs / name).symlink_to(target)
    jlink(home, rootfs / "opt" / "java")
    java = rootfs / "opt" / "java"
    libraries = linked_libraries(list(elf_files(java)) + [Path(find_library(n)) for n in EXTRA_LIBRARIES], java)
    for library in sorted(libraries | {find_library(n) for n in EXTRA_LIBRARIES}):
        copy_library(library, rootfs)
    if not FONT.is_file():
        fail(f"{FONT} is missing: apt-get install fonts-noto-cjk")
    font = rootfs / FONT.relative_to("/")
    font.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(FONT, font)
    (rootfs / "etc" / "passwd").write_text(f"root:x:0:0:root:/root:/sbin/nologin\nqiying:x:{USER_ID}:{USER_ID}:Qiying:/home/qiying:/sbin/nologin\n")
    (rootfs / "etc" / "group").write_text(f"root:x:0:\nqiying:x:{USER_ID}:\n")
    (rootfs / "etc" / "nsswitch.conf").write_text("hosts: files dns\n")


def layer_tar(rootfs):
    """The root file system as one layer: owned by root (the user's home and /tmp writable), fixed times, sorted."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for path in [rootfs] + sorted(rootfs.rglob("*")):
            name = "." if path == rootfs else "./" + str(path.relative_to(rootfs))
            info = tar.gettarinfo(str(path), arcname=name)
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            info.mtime = 1
            if name == "./tmp":
                info.mode = 0o1777
            elif name == "./home/qiying":
                info.uid = info.gid = USER_ID
                info.mode = 0o755
            if info.isfile():
                with open(path, "rb") as f:
                    tar.addfile(info, f)
            else:
                tar.addfile(info)
    return buffer.getvalue()


def write_image(layer, output):
    diff_id = hashlib.sha256(layer).hexdigest()
    config = json.dumps({
        "architecture": "amd64", "os": "linux", "created": "1970-01-01T00:00:00Z",
        "config": {"Env": ENV, "User": str(USER_ID), "WorkingDir": "/app"},
        "rootfs": {"type": "layers", "diff_ids": ["sha256:" + diff_id]},
        "history": [{"created": "1970-01-01T00:00:00Z", "created_by": "deploy/image/base-image.py: jlink runtime, C libraries, CJK font"}],
    }, sort_keys=True).encode()
    config_name = hashlib.sha256(config).hexdigest() + ".json"
    manifest = json.dumps([{"Config": config_name, "RepoTags": ["qiying-base:local"], "Layers": [diff_id + "/layer.tar"]}]).encode()
    output.parent.mkdir(parents=True, exist_ok=True)
    with tarfile.open(output, "w") as tar:
        for name, data in [(diff_id + "/layer.tar", layer), (config_name, config), ("manifest.json", manifest)]:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mtime = 1
            tar.addfile(info, io.BytesIO(data))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("output", type=Path)
    parser.add_argument("--work", type=Path, default=None)
    args = parser.parse_args()
    rootfs = args.work or args.output.parent / "base-rootfs"
    inputs = [Path(__file__), java_home() / "release", FONT]
    if args.output.exists() and all(args.output.stat().st_mtime > p.stat().st_mtime for p in inputs if p.exists()):
        print(f"base-image: {args.output} is up to date")
        return
    build_rootfs(rootfs)
    layer = layer_tar(rootfs)
    write_image(layer, args.output)
    print(f"base-image: {args.output} ({len(layer) / 1e6:.0f} MB root file system)")


if __name__ == "__main__":
    main()
