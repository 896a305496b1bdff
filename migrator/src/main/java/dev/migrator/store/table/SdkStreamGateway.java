package dev.migrator.store.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** {@link StreamGateway} over the SDK's DynamoDB Streams client. */
public final class SdkStreamGateway implements StreamGateway {
    private final DynamoDbStreamsClient client;

    public SdkStreamGateway(DynamoDbStreamsClient client) {
        this.client = client;
    }

    @Override
    public List<Shard> shards(String streamArn) {
        List<Shard> shards = new ArrayList<>();
        String start = null;
        do {
            String from = start;
            StreamDescription d = client.describeStream(r -> r.streamArn(streamArn).exclusiveStartShardId(from)).streamDescription();
            d.shards().forEach(s -> shards.add(new Shard(s.shardId(), Optional.ofNullable(s.parentShardId()))));
            start = d.lastEvaluatedShardId();
        } while (start != null);
        return shards;
    }

    @Override
    public String iterator(String streamArn, String shardId, Optional<String> afterSequence) {
        GetShardIteratorRequest.Builder request = GetShardIteratorRequest.builder().streamArn(streamArn).shardId(shardId);
        if (afterSequence.isPresent()) {
            request.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(afterSequence.get());
        } else {
            request.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
        }
        try {
            return client.getShardIterator(request.build()).shardIterator();
        } catch (TrimmedDataAccessException e) {
            throw new Trimmed("shard " + shardId + " no longer holds records after " + afterSequence.orElse("its start"), e);
        }
    }

    @Override
    public RecordPage records(String iterator) {
        try {
            var response = client.getRecords(r -> r.shardIterator(iterator).limit(1000));
            List<Change> changes = response.records().stream().map(r -> new Change(r.eventNameAsString(),
                    r.dynamodb().sequenceNumber(), r.dynamodb().approximateCreationDateTime(), orEmpty(r.dynamodb().keys()),
                    orEmpty(r.dynamodb().newImage()), orEmpty(r.dynamodb().oldImage()))).toList();
            return new RecordPage(changes, Optional.ofNullable(response.nextShardIterator()));
        } catch (TrimmedDataAccessException e) {
            throw new Trimmed("the stream no longer holds the records this position points at", e);
        }
    }

    private static Map<String, AttributeValue> orEmpty(Map<String, AttributeValue> image) {
        return image == null ? Map.of() : image;
    }
}
