package dev.migrator.store.table;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What catching up needs of DynamoDB Streams: the shards of a stream, iterators into them, and their records. */
public interface StreamGateway {

    /** Every shard DescribeStream lists (all pages), each with its parent. */
    List<Shard> shards(String streamArn);

    /** An iterator at the shard's oldest record, or just after {@code afterSequence}. */
    String iterator(String streamArn, String shardId, Optional<String> afterSequence);

    /** One GetRecords page; {@code next} is empty once a closed shard is read to its end. */
    RecordPage records(String iterator);

    record Shard(String id, Optional<String> parentId) {}

    record RecordPage(List<Change> changes, Optional<String> next) {}

    /**
     * One record: INSERT, MODIFY or REMOVE of the item with {@code keys}, its images where the stream view
     * type carries them (empty maps otherwise), its sequence number and DynamoDB's whole-second time.
     */
    record Change(String event, String sequenceNumber, Instant approximateTime, Map<String, AttributeValue> keys,
                  Map<String, AttributeValue> newImage, Map<String, AttributeValue> oldImage) {
        public boolean removes() {
            return "REMOVE".equals(event);
        }
    }

    /** The stream no longer holds records at the position asked (older than 24 h): a fresh bulk copy is needed. */
    final class Trimmed extends RuntimeException {
        public Trimmed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
