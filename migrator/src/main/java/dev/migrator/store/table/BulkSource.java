package dev.migrator.store.table;

import dev.migrator.engine.Shard;
import dev.migrator.engine.StepContext;
import dev.migrator.engine.StepId;
import dev.migrator.model.MigrationOptions;
import dev.migrator.model.TableExport;
import dev.migrator.model.TablePair;
import dev.migrator.support.digest.Digest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where a table's bulk copy reads from: a parallel Scan of the source table (segments by size, or fixed per shard),
 * or the data files of an export (named, or started now and waited for), one segment per file.
 */
record BulkSource(int segments, TableCopier.PageSource pages, long expectedItems, Optional<ExportManifest> export) {

    static BulkSource of(StepId id, TablePair pair, MigrationOptions options, TableGateway source, Optional<ExportFiles> exports,
                         TableInfo sourceInfo, List<TableInfo.KeyAttribute> targetKeys, StepContext context,
                         int pageSize) throws IOException, InterruptedException {
        Shard slice = context.sliceOf(id);
        Optional<TableExport> toRead = pair.export().isPresent() && pair.export().get().started()
                ? Optional.of(new ExportStarter(source, context.backoff(), context.progress()).start(id, pair.source(), pair.export().get(),
                        context.checkpoints().directory().resolve(id.slug() + "-export-token"), sharedExportToken(pair, context),
                        context.resume()))
                : pair.export();
        Optional<ExportManifest> export = toRead.map(e -> ExportManifest.read(exports.orElseThrow(), e).orElseThrow(
                () -> new IllegalStateException("export " + e.exportArn() + " is gone from s3://" + e.bucket() + "/" + e.summaryKey())));
        // when nothing changes an item on the way, it may move as the JSON DynamoDB gave, read only for the target's key
        Optional<RawItemReader> raw = pair.transforms().isEmpty() ? Optional.of(new RawItemReader(targetKeys.stream()
                .map(TableInfo.KeyAttribute::name).collect(Collectors.toUnmodifiableSet()))) : Optional.empty();
        if (export.isPresent()) {
            ExportManifest m = export.get();
            return new BulkSource(m.files().size(), new ExportPages(exports.orElseThrow(), toRead.get().bucket(), m.files(), pageSize, raw),
                    m.itemCount(), export);
        }
        int segments = slice.whole() ? SegmentPlan.resumed(SegmentPlan.segments(sourceInfo.sizeBytes(), options.concurrency(), pair.segments()),
                context.resume() ? context.checkpoints().read(id.slug()) : Optional.empty())
                : SegmentPlan.sharded(slice.count(), pair.segments());
        boolean measure = options.readRateLimit().map(l -> l.unit() != MigrationOptions.RateLimit.Unit.ITEMS).orElse(false);
        TableCopier.PageSource pages = raw.isEmpty()
                ? (segment, start) -> source.scan(pair.source(), segment, segments, start, pageSize, measure)
                : (segment, start) -> source.scanToCopy(pair.source(), segment, segments, start, pageSize, measure, raw.get().keyNames());
        return new BulkSource(segments, pages, sourceInfo.approximateItemCount(), Optional.empty());
    }

    /** What the report says of it: segments (or data files), this shard's share, and the export read. */
    Map<String, String> outputs(Shard slice) {
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("segments", (export.isPresent() ? segments + " export data files" : String.valueOf(segments))
                + (slice.whole() ? "" : " (" + slice + " reads those whose number mod " + slice.count() + " is " + slice.index() + ")"));
        export.ifPresent(m -> outputs.put("source", "export " + m.exportArn() + " (snapshot of " + m.exportTime() + ", "
                + m.itemCount() + " items)"));
        return outputs;
    }

    /**
     * The client token every shard of a sharded run starts the pair's export with (so they share one export): from the
     * schema's state directory name (its content hash) and the pair. Empty for an unsharded run, which keeps its own.
     */
    private static String sharedExportToken(TablePair pair, StepContext context) {
        if (context.sharding().shard().whole()) {
            return "";
        }
        String run = context.layout().directory().getParent().getParent().getFileName() + "/" + pair.name();
        Digest d = Digest.of(run.getBytes(StandardCharsets.UTF_8));
        return String.format("%016x%016x", d.high(), d.low());
    }
}
