#!/usr/bin/env python3
"""Assembles Qiying's base image without a Docker daemon or a registry: a Java runtime cut from this machine's JDK
with jlink, the C libraries it and the native parts of the app (ONNX Runtime, DJL tokenizers) link against, the CJK
font the printable cards embed, a non-root user. Written as a `docker save` tarball that Jib takes as its base
(`tar://`) and lays the application on.

    deploy/image/base-image.py OUTPUT.tar --app qiying.jar [--work DIR]

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
import tempfile
import zipfile
from pathlib import Path

# What Spring Boot, Tomcat, Jedis, POI, OpenPDF, ONNX Runtime and the JMX/JFR tooling reach; jdk.localedata for
# Chinese formats, jdk.crypto.ec for TLS to WeChat, jdk.unsupported for Netty-free Unsafe users.
MODULES = ["java.base", "java.compiler", "java.desktop", "java.instrument", "java.logging", "java.management",
           "java.management.rmi", "java.naming", "java.net.http", "java.prefs", "java.rmi", "java.scripting",
           "java.security.jgss", "java.security.sasl", "java.sql", "java.transaction.xa", "java.xml", "java.xml.crypto",
           "jdk.crypto.ec", "jdk.crypto.cryptoki", "jdk.jfr", "jdk.localedata", "jdk.management", "jdk.management.agent",
           "jdk.naming.dns", "jdk.net", "jdk.unsupported", "jdk.zipfs", "jdk.httpserver", "jdk.charsets"]
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


def linked_libraries(files, own):
    """Every system library (as ldd resolves it on this machine) the given ELF files need, and the loader; libraries
    in the folders `own` find each other (the JRE's through its launcher, the app's as their loader unpacks them)."""
    found = set()
    env = dict(os.environ, LD_LIBRARY_PATH=":".join(str(d) for d in own))
    for f in files:
        out = subprocess.run(["ldd", str(f)], capture_output=True, text=True, env=env).stdout
        for line in out.splitlines():
            parts = line.split()
            if "=>" in parts and parts[parts.index("=>") + 1].startswith("/"):
                found.add(parts[parts.index("=>") + 1])
            elif parts and parts[0].startswith("/"):
                found.add(parts[0])
            # a versioned name (libonnxruntime.so.1) of a library the app carries and loads first is no gap
            if "not found" in line and not any(parts[0].startswith(p.name) for d in own for p in Path(d).glob("*.so")):
                fail(f"{f} needs {parts[0]}, which this machine lacks")
    return {f for f in found if not any(f.startswith(str(d)) for d in own)}


def native_libraries(app):
    """The Linux x86-64 shared libraries inside the app's jars (ONNX Runtime, the tokenizer), as (name, bytes)."""
    found = []
    with zipfile.ZipFile(app) as boot:
        for entry in sorted(boot.namelist()):
            if not (entry.startswith("BOOT-INF/lib/") and entry.endswith(".jar")):
                continue
            with zipfile.ZipFile(io.BytesIO(boot.read(entry))) as jar:
                for name in sorted(jar.namelist()):
                    lower = name.lower()
                    if lower.endswith(".so") and "linux" in lower and ("x64" in lower or "x86_64" in lower or "amd64" in lower):
                        found.append((entry.rsplit("/", 1)[1] + "!" + name, jar.read(name)))
    return found


def fingerprint(app, home):
    """What the base depends on: this script, the JDK, the font, and which native libraries the app carries."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    digest.update((home / "release").read_bytes())
    digest.update(f"{FONT}:{FONT.stat().st_size if FONT.exists() else 0}".encode())
    for name, data in native_libraries(app):
        digest.update(name.encode() + hashlib.sha256(data).digest())
    return digest.hexdigest()


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


def build_rootfs(rootfs, app):
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
    # the app's own native code (ONNX Runtime is C++) is unpacked from its jars at run time: what it links counts too
    with tempfile.TemporaryDirectory() as unpacked:
        natives = []
        for name, data in native_libraries(app):
            path = Path(unpacked) / Path(name).name
            path.write_bytes(data)
            natives.append(path)
        if not natives:
            fail(f"{app} carries no Linux x86-64 native library: is it the runnable jar?")
        libraries = linked_libraries(list(elf_files(java)) + natives, [java / "lib", java / "lib" / "server", Path(unpacked)])
    for library in sorted(libraries):
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
    parser.add_argument("--app", type=Path, required=True, help="the runnable jar, for the native libraries it carries")
    parser.add_argument("--work", type=Path, default=None)
    args = parser.parse_args()
    rootfs = args.work or args.output.parent / "base-rootfs"
    stamp = args.output.with_name(args.output.name + ".sha256")
    current = fingerprint(args.app, java_home())
    if args.output.exists() and stamp.exists() and stamp.read_text().strip() == current:
        print(f"base-image: {args.output} is up to date")
        return
    build_rootfs(rootfs, args.app)
    layer = layer_tar(rootfs)
    write_image(layer, args.output)
    stamp.write_text(current + "\n")
    print(f"base-image: {args.output} ({len(layer) / 1e6:.0f} MB root file system)")


if __name__ == "__main__":
    main()
