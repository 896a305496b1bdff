#!/usr/bin/env bash
# Proves the image Jib built (migrator/target/jib-image.tar) starts, without a container engine: unpacks its
# layers in order into a directory, mounts /proc there as a runtime would, and runs the image's own entrypoint
# (read from its config) under chroot as the image's user: `--version`, then `validate` of a schema.
# Needs root (chroot, mount). Usage: migrator/src/image/check.sh [IMAGE_TAR] [SCHEMA]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tar_file="${1:-$here/../../target/jib-image.tar}"
schema="${2:-$here/../../../examples/MigrationSchema_local.json}"
work="$(mktemp -d)"
root="$work/root"
trap 'umount "$root/proc" 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$work/image" "$root"
tar -xf "$tar_file" -C "$work/image"
manifest="$work/image/manifest.json"
for layer in $(python3 -c 'import json,sys; print("\n".join(json.load(open(sys.argv[1]))[0]["Layers"]))' "$manifest"); do
  tar -xzf "$work/image/$layer" -C "$root" 2>/dev/null || tar -xf "$work/image/$layer" -C "$root"
done
config="$work/image/$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[0]["Config"])' "$manifest")"
mapfile -t entrypoint < <(python3 -c 'import json,sys; print("\n".join(json.load(open(sys.argv[1]))["config"]["Entrypoint"]))' "$config")
user="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["config"].get("User","0"))' "$config")"
mkdir -p "$root/proc"
mount -t proc proc "$root/proc"
cp "$schema" "$root/work/schema.json"
chmod 644 "$root/work/schema.json"
run() { env -i PATH=/opt/java/bin JAVA_HOME=/opt/java HOME=/work /usr/sbin/chroot --userspec="$user" "$root" "${entrypoint[@]}" "$@"; }
echo "entrypoint: ${entrypoint[*]} (user $user)"
run --version
(cd "$root/work" && run validate /work/schema.json)
# run hands the work to a worker JVM (relaunched from inside the image); with nothing listening at the schema's
# endpoints, preflight refuses it: exit 3, and the state directory is written by the image's user
set +e
(cd "$root/work" && run run /work/schema.json --state-dir /work/state --verbose > "$work/run.log" 2>&1)
code=$?
set -e
tail -3 "$work/run.log"
[ "$code" = 3 ] || { echo "run exited $code, expected 3 (preflight refused)"; cat "$work/run.log"; exit 1; }
ls "$root/work/state"/*/report.json > /dev/null
echo "the image starts, validates a schema, and 'run' preflights and writes its report as the image's user (exit $code)"
