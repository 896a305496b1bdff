package dev.migrator.transform;

import dev.migrator.support.RunLayout;
import java.nio.file.Path;
import java.util.Optional;

/** Where a map transform finds its old-to-new pairs; written in a schema as {@code kind:name}. */
public sealed interface ValueMapReference {

    /** The old-to-new S3 version id map written by the copy of the named bucket pair. */
    record S3VersionIds(String bucketName) implements ValueMapReference {}

    /** The old-sub to new-sub map written by the migration of the named user pool pair. */
    record CognitoSubs(String userPoolName) implements ValueMapReference {}

    /** A JSON object of old to new strings, relative to the schema file. */
    record MapFile(Path file) implements ValueMapReference {}

    /**
     * The file name, in the run's maps directory ({@link RunLayout}), of the map another step of the run writes
     * for this reference; empty for a map file the schema names.
     */
    default Optional<String> runMapName() {
        if (this instanceof S3VersionIds s) {
            return Optional.of(RunLayout.s3VersionsMapName(s.bucketName()));
        }
        if (this instanceof CognitoSubs c) {
            return Optional.of(RunLayout.cognitoSubsMapName(c.userPoolName()));
        }
        return Optional.empty();
    }

    String S3_VERSIONS = "s3-versions:";
    String COGNITO_SUBS = "cognito-subs:";
    String FILE = "file:";

    /** Parses {@code s3-versions:NAME}, {@code cognito-subs:NAME} or {@code file:PATH}. */
    static ValueMapReference parse(String text, Path schemaDirectory) {
        if (text.startsWith(S3_VERSIONS) && text.length() > S3_VERSIONS.length()) {
            return new S3VersionIds(text.substring(S3_VERSIONS.length()));
        }
        if (text.startsWith(COGNITO_SUBS) && text.length() > COGNITO_SUBS.length()) {
            return new CognitoSubs(text.substring(COGNITO_SUBS.length()));
        }
        if (text.startsWith(FILE) && text.length() > FILE.length()) {
            return new MapFile(schemaDirectory.resolve(text.substring(FILE.length())).normalize());
        }
        throw new IllegalArgumentException(
                "'" + text + "' is not a map reference; use s3-versions:BUCKET_PAIR, cognito-subs:USER_POOL_PAIR or file:PATH");
    }
}
