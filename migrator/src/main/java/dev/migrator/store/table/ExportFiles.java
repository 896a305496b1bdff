package dev.migrator.store.table;

import java.io.InputStream;
import java.util.Optional;

/** What reading a DynamoDB export needs of S3: a small object as text, and a data file as a stream. */
public interface ExportFiles {

    /** The object's content as UTF-8 text, or empty when there is no such object. */
    Optional<String> text(String bucket, String key);

    /** The object's content, to be read once and closed. */
    InputStream open(String bucket, String key);
}
