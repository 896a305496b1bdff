#!/usr/bin/env bash
# Builds the image's root file system under $1 (migrator/target/image-root) from this machine's JDK, so Jib can
# build the image FROM scratch, without pulling a base image from any registry: a jlink'ed Java runtime in
# /opt/java and the shared libraries it links against (glibc and zlib, copied with their paths), /tmp and /work.
set -euo pipefail
root="$1"
modules="java.base,java.desktop,java.logging,java.management,java.naming,java.security.jgss,java.sql,java.xml,jdk.crypto.ec,jdk.unsupported,jdk.jfr,jdk.management"
rm -rf "$root"
mkdir -p "$root/opt" "$root/tmp" "$root/work" "$root/etc"
jlink="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}/bin/jlink"
"$jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 --output "$root/opt/java"
# every shared library the runtime's executables and libraries need, at the path the loader looks for it
for f in "$root/opt/java/bin/java" $(find "$root/opt/java/lib" -name '*.so'); do
  ldd "$f" 2>/dev/null | grep -oE '(/[^ ]+)' || true
done | sort -u | while read -r lib; do
  case "$lib" in "$root"*) continue ;; esac   # the runtime's own libraries, found through its RPATH
  [ -e "$lib" ] || continue
  mkdir -p "$root$(dirname "$lib")"
  cp -L "$lib" "$root$lib"
done
# name resolution for the AWS endpoints, and a user for the non-root uid the image runs as
cp -L /etc/nsswitch.conf "$root/etc/" 2>/dev/null || echo "hosts: files dns" > "$root/etc/nsswitch.conf"
for lib in /lib/x86_64-linux-gnu/libnss_dns.so.2 /lib/x86_64-linux-gnu/libnss_files.so.2 /lib/x86_64-linux-gnu/libresolv.so.2; do
  [ -e "$lib" ] && { mkdir -p "$root$(dirname "$lib")"; cp -L "$lib" "$root$lib"; }
done
echo "migrator:x:65532:65532:migrator:/work:/sbin/nologin" > "$root/etc/passwd"
echo "migrator:x:65532:" > "$root/etc/group"
echo "image root: $(du -sh "$root" | cut -f1) in $root"
