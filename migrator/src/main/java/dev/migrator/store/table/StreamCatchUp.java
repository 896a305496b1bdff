package dev.migrator.store.table;

import dev.migrator.engine.UnitCounters;
import dev.migrator.engine.WorkerPool;
import dev.migrator.support.AwsErrors;
import dev.migrator.support.RetryPolicy;
import dev.migrator.transform.ItemTransformer;
import dev.migrator.transform.TransformFailure;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;

/**
 * One catch-up pass of a table: every shard of the source's stream, parents before children, read from its
 * recorded position to its current end, each record applied to the target in stream order through the pair's
 * transforms (INSERT and MODIFY put the new image, REMOVE deletes the transformed key; a MODIFY that moves the
 * target key deletes the old one). The bulk copy has ended when this runs, so the last record of each key wins:
 * replaying the stream's suffix from before the copy began converges to the source whatever the copy read.
 * Shards whose parents are done are read in parallel (a key lives in one shard lineage, so its order holds).
 * Writes go out in BatchWriteItem calls of up to 25 puts and deletes of distinct keys (a key seen again first
 * sends what is pending, so each key's writes keep their order); the position is recorded after every page,
 * once its writes are in; what cannot be applied is dead-lettered.
 */
final class StreamCatchUp {
    private final StreamGateway stream;
    private final TableGateway target;
    private final String targetTable;
    private final ItemTransformer transformer;
    private final KeyCheck keys;
    private final RetryPolicy retry;
    private final DeadLetters deadLetters;
    private final UnitCounters counters;
    private final int parallelShards;

    /** A write waiting for its batch, with what to dead-letter if it cannot be applied. */
    private record Pending(TableGateway.Write write, Map<String, AttributeValue> letter, ItemDeadLetter.Stage stage) {}

    /** One shard's writes waiting to go out (each shard reader has its own; shards are read in parallel). */
    private static final class Batch {
        final List<Pending> pending = new java.util.ArrayList<>();
        final Set<Map<String, AttributeValue>> keys = new HashSet<>();
    }

    StreamCatchUp(StreamGateway stream, TableGateway target, String targetTable, ItemTransformer transformer, KeyCheck keys,
                  RetryPolicy retry, DeadLetters deadLetters, UnitCounters counters) {
        this(stream, target, targetTable, transformer, keys, retry, deadLetters, counters, 1);
    }

    /** {@code parallelShards}: how many shards whose parents are done are read at once. */
    StreamCatchUp(StreamGateway stream, TableGateway target, String targetTable, ItemTransformer transformer, KeyCheck keys,
                  RetryPolicy retry, DeadLetters deadLetters, UnitCounters counters, int parallelShards) {
        this.stream = stream;
        this.target = target;
        this.targetTable = targetTable;
        this.transformer = transformer;
        this.keys = keys;
        this.retry = retry;
        this.deadLetters = deadLetters;
        this.counters = counters;
        this.parallelShards = Math.max(1, parallelShards);
    }

    /** What a pass did: whether every shard was read to its end, records applied, the newest applied change's time. */
    record Pass(boolean caughtUp, long applied, Optional<Instant> newest) {}

    Pass pass(StreamPosition position, Instant now) throws InterruptedException {
        List<StreamGateway.Shard> shards = retry.call(() -> stream.shards(position.streamArn()));
        Set<String> listed = new HashSet<>();
        shards.forEach(s -> listed.add(s.id()));
        if (now.minus(StreamPosition.RETENTION).isAfter(position.since())
                && shards.stream().anyMatch(s -> !position.started(s.id()) && !position.shard(s.id()).done())) {
            throw new StreamGateway.Trimmed("the position recorded before the bulk copy (" + position.since() + ") is more than 24 hours "
                    + "old: the stream may no longer hold the writes made since", null);
        }
        Set<String> visited = new HashSet<>();
        long applied = 0;
        Optional<Instant> newest = Optional.empty();
        try (WorkerPool pool = WorkerPool.of(parallelShards, "stream-" + targetTable)) {
            while (true) {
                List<String> ready = shards.stream().filter(s -> !visited.contains(s.id()) && !position.shard(s.id()).done()
                        && !s.parentId().filter(listed::contains).map(p -> !position.shard(p).done()).orElse(false))
                        .map(StreamGateway.Shard::id).toList();
                if (ready.isEmpty()) {
                    break;
                }
                visited.addAll(ready);
                List<java.util.concurrent.Future<Pass>> reads = new java.util.ArrayList<>();
                for (String shard : ready) {
                    reads.add(pool.submit(() -> readShard(position, shard)));
                }
                WorkerPool.awaitAll(reads);
                for (java.util.concurrent.Future<Pass> read : reads) {
                    Pass done;
                    try {
                        done = read.get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        throw new IllegalStateException(e.getCause()); // awaitAll rethrew any failure already
                    }
                    applied += done.applied();
                    newest = later(newest, done.newest());
                }
            }
        }
        boolean caughtUp = shards.stream().allMatch(s -> position.shard(s.id()).done() || visited.contains(s.id()));
        return new Pass(caughtUp, applied, newest);
    }

    /** Reads one shard from its position to its current end (an open shard) or its last record (a closed one). */
    private Pass readShard(StreamPosition position, String shardId) throws InterruptedException {
        String iterator = retry.call(() -> stream.iterator(position.streamArn(), shardId, position.shard(shardId).after()));
        long applied = 0;
        Optional<Instant> newest = Optional.empty();
        Batch batch = new Batch();
        while (true) {
            String at = iterator;
            StreamGateway.RecordPage page;
            try {
                page = retry.call(() -> stream.records(at));
            } catch (ExpiredIteratorException e) {
                iterator = retry.call(() -> stream.iterator(position.streamArn(), shardId, position.shard(shardId).after()));
                continue;
            }
            boolean appliedAny = false;
            for (StreamGateway.Change change : page.changes()) {
                if (!position.started(shardId) && !appliedAny && change.approximateTime().isBefore(position.since())) {
                    counters.skipped.incrementAndGet();
                    continue;
                }
                appliedAny = true;
                apply(change, batch);
                applied++;
                newest = later(newest, Optional.of(change.approximateTime()));
            }
            flush(batch);
            if (!page.changes().isEmpty()) {
                position.read(shardId, page.changes().get(page.changes().size() - 1).sequenceNumber(), appliedAny);
            }
            if (page.next().isEmpty()) {
                position.finished(shardId);
                return new Pass(true, applied, newest);
            }
            if (page.changes().isEmpty()) {
                return new Pass(true, applied, newest);
            }
            iterator = page.next().get();
        }
    }

    private void apply(StreamGateway.Change change, Batch batch) throws InterruptedException {
        counters.read.incrementAndGet();
        Map<String, AttributeValue> source = change.removes() ? (change.oldImage().isEmpty() ? change.keys() : change.oldImage())
                : change.newImage();
        Map<String, AttributeValue> out;
        try {
            out = transformer.apply(source);
        } catch (TransformFailure e) {
            deadLetters.add(source, ItemDeadLetter.Stage.TRANSFORM, e.getMessage());
            return;
        }
        String problem = keys.problem(out);
        if (problem != null) {
            deadLetters.add(source, ItemDeadLetter.Stage.TRANSFORM, problem);
            return;
        }
        Map<String, AttributeValue> key = keys.keyOf(out);
        if (change.removes()) {
            enqueue(batch, TableGateway.Write.delete(key), key, key, ItemDeadLetter.Stage.DELETE);
            return;
        }
        Optional<Map<String, AttributeValue>> moved = movedFrom(change, key);
        if (moved.isPresent()) {
            enqueue(batch, TableGateway.Write.delete(moved.get()), moved.get(), moved.get(), ItemDeadLetter.Stage.DELETE);
        }
        enqueue(batch, TableGateway.Write.put(out), key, out, ItemDeadLetter.Stage.WRITE);
    }

    private void enqueue(Batch batch, TableGateway.Write write, Map<String, AttributeValue> key, Map<String, AttributeValue> letter,
                         ItemDeadLetter.Stage stage) throws InterruptedException {
        if (batch.keys.contains(key)) {
            flush(batch);
        }
        batch.pending.add(new Pending(write, letter, stage));
        batch.keys.add(key);
        if (batch.pending.size() == BatchWriter.MAX_BATCH) {
            flush(batch);
        }
    }

    /** Sends what is pending; unprocessed writes are sent again with backoff, what never goes through is dead-lettered. */
    private void flush(Batch waiting) throws InterruptedException {
        if (waiting.pending.isEmpty()) {
            return;
        }
        List<Pending> batch = List.copyOf(waiting.pending);
        waiting.pending.clear();
        waiting.keys.clear();
        List<TableGateway.Write> left = batch.stream().map(Pending::write).toList();
        try {
            for (int attempt = 0; !left.isEmpty() && attempt <= retry.maxRetries(); attempt++) {
                if (attempt > 0) {
                    retry.backoff().sleep(attempt);
                }
                List<TableGateway.Write> send = left;
                left = retry.call(() -> target.apply(targetTable, send));
            }
        } catch (RuntimeException e) {
            batch.forEach(p -> deadLetters.add(p.letter(), p.stage(), AwsErrors.describe(e)));
            return;
        }
        Set<TableGateway.Write> unapplied = Set.copyOf(left);
        for (Pending p : batch) {
            if (unapplied.contains(p.write())) {
                deadLetters.add(p.letter(), p.stage(), "left unprocessed by DynamoDB after " + retry.maxRetries() + " retries");
            } else {
                counters.written.incrementAndGet();
            }
        }
    }

    /** The target key the item had before this MODIFY, where its transforms made a different one of the old image. */
    private Optional<Map<String, AttributeValue>> movedFrom(StreamGateway.Change change, Map<String, AttributeValue> key) {
        if (change.oldImage().isEmpty()) {
            return Optional.empty();
        }
        try {
            Map<String, AttributeValue> old = transformer.apply(change.oldImage());
            return keys.problem(old) == null && !keys.keyOf(old).equals(key) ? Optional.of(keys.keyOf(old)) : Optional.empty();
        } catch (TransformFailure e) {
            return Optional.empty();
        }
    }


    private static Optional<Instant> later(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isPresent() && b.get().isAfter(a.get()) ? b : a;
    }
}
