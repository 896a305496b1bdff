package dev.migrator.store.table;

import dev.migrator.engine.ProgressListener;
import dev.migrator.engine.StepId;
import dev.migrator.model.TableExport;
import dev.migrator.support.Backoff;
import dev.migrator.support.OwnerOnlyFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Starts the export a pair asks for ({@code "start": true}) and waits until it has COMPLETED. The client token is
 * written to the step's checkpoints before the request, so a resumed run (or a retry after a crash) gets the same
 * export back instead of a second one; shards share one token, so every shard reads one export.
 */
final class ExportStarter {
    /** Polls of DescribeExport, with the context's backoff (capped), until the export ends. */
    private static final int MAX_POLL_ATTEMPT = 12;

    private final TableGateway source;
    private final Backoff backoff;
    private final ProgressListener progress;

    ExportStarter(TableGateway source, Backoff backoff, ProgressListener progress) {
        this.source = source;
        this.backoff = backoff;
        this.progress = progress;
    }

    /**
     * The export to read, started now or before: {@code tokenFile} keeps the token across resumes; {@code sharedToken}
     * (sharded runs) is used as it is.
     */
    TableExport start(StepId id, String table, TableExport export, Path tokenFile, String sharedToken, boolean resume)
            throws IOException, InterruptedException {
        String token = sharedToken;
        if (token.isEmpty()) {
            if (resume && Files.exists(tokenFile)) {
                token = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
            } else {
                token = UUID.randomUUID().toString();
                OwnerOnlyFiles.createDirectories(tokenFile.getParent());
                OwnerOnlyFiles.writeAtomically(tokenFile, token.getBytes(StandardCharsets.UTF_8));
            }
        }
        String clientToken = token;
        String arn = source.startExport(table, export.bucket(), export.prefix(), clientToken);
        progress.started(id, -1, "export " + arn + " (waiting for it to complete)");
        for (int attempt = 1; ; attempt++) {
            TableGateway.ExportState state = source.exportState(arn);
            if ("COMPLETED".equals(state.status())) {
                return export.withArn(arn);
            }
            if ("FAILED".equals(state.status())) {
                throw new IllegalStateException("export " + arn + " of table " + table + " failed: " + state.failure() + " (nothing was written)");
            }
            backoff.sleep(Math.min(attempt, MAX_POLL_ATTEMPT));
        }
    }
}
