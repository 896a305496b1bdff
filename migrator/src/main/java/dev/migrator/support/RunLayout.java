package dev.migrator.support;

import java.nio.file.Path;

/**
 * The one place that knows where things live in a schema's state directory ({@code <root>/<name>-<hash>/}):
 * checkpoints, dead letters, maps, exports, secrets, reports and the lock. Files of a step are named by its
 * slug ({@code table-orders}).
 */
public record RunLayout(Path directory) {

    /** {@code started}: written by a shard once its preflight passed, before its first write (sharded runs only). */
    public Path startedMarker() {
        return directory.resolve("started");
    }

    /**
     * {@code checkpoints/<slug>.done}: written by a shard when a step's copy ended there (other shards wait for its maps);
     * with the checkpoints, so a fresh run clears it with them.
     */
    public Path doneMarker(String slug) {
        return checkpoints().directory().resolve(slug + ".done");
    }

    /** {@code shards/}: one state directory per shard of a sharded run ({@code shard-I-of-N}). */
    public Path shardsDirectory() {
        return directory.resolve("shards");
    }

    public Path lockFile() {
        return directory.resolve(".lock");
    }

    public Checkpoints checkpoints() {
        return new Checkpoints(directory.resolve("checkpoints"));
    }

    /** {@code checkpoints/<slug>-created.log}: the users a user pool step is creating, kept with its checkpoints. */
    public Path creationLog(String slug) {
        return checkpoints().directory().resolve(slug + "-created.log");
    }

    public Path deadLetterDirectory() {
        return directory.resolve("dead-letters");
    }

    /** {@code dead-letters/<slug>.jsonl}: what a step could not copy. */
    public Path deadLetters(String slug) {
        return deadLetterDirectory().resolve(slug + ".jsonl");
    }

    /** {@code verify/}: the units of differing key ranges while verify names them; emptied when it ends. */
    public Path verifySpillDirectory() {
        return directory.resolve("verify");
    }

    public Path mapsDirectory() {
        return directory.resolve("maps");
    }

    /** {@code maps/s3-versions-<bucket pair>.json}: old to new version ids, written by the bucket step. */
    public Path s3VersionsMap(String bucketPair) {
        return mapsDirectory().resolve(s3VersionsMapName(bucketPair));
    }

    public static String s3VersionsMapName(String bucketPair) {
        return "s3-versions-" + bucketPair + ".json";
    }

    public static String cognitoSubsMapName(String userPoolPair) {
        return "cognito-subs-" + userPoolPair + ".json";
    }

    /** {@code maps/cognito-subs-<user pool pair>.json}: old to new subs, written by the user pool step. */
    public Path cognitoSubsMap(String userPoolPair) {
        return mapsDirectory().resolve(cognitoSubsMapName(userPoolPair));
    }

    /** {@code maps/<slug>-held-before.txt}: the keys a target held before the first run, which migrator never deletes. */
    public Path heldBefore(String slug) {
        return mapsDirectory().resolve(slug + "-held-before.txt");
    }

    /** {@code exports/<slug><suffix>}: what a step exports for people and other tools. */
    public Path export(String slug, String suffix) {
        return directory.resolve("exports").resolve(slug + suffix);
    }

    /** {@code secrets/<name>}: owner-only files such as temporary passwords. */
    public Path secret(String name) {
        return directory.resolve("secrets").resolve(name);
    }

    public Path reportsDirectory() {
        return directory.resolve("reports");
    }

    /** The newest report of a kind: {@code report.json}, {@code verification.json}, {@code replay.json}. */
    public Path newestReport(String name, String extension) {
        return directory.resolve(name + "." + extension);
    }
}
