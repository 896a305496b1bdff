package dev.migrator.store.bucket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.model.NonEmptyTargetPolicy;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** decide(source, target) is pure: these are all the cases a rerun meets. */
class CopyDecisionTest {
    private static final String MD5 = "9e107d9d372bb6826bd81d3542a419d6";
    private static final ListedObject SOURCE = ListedObject.current("a/b.txt", 43, MD5);

    private static ObjectHead target(long size, String etag, Map<String, String> metadata) {
        return new ObjectHead("a/b.txt", Optional.empty(), size, etag, Optional.empty(),
                new ObjectAttributes(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), metadata));
    }

    private static CopyDecision.Action decide(ListedObject source, ObjectHead target, NonEmptyTargetPolicy policy) {
        return CopyDecision.decide(source, Optional.ofNullable(target), policy).action();
    }

    @Test
    void absentTargetIsCopied() {
        assertThat(decide(SOURCE, null, NonEmptyTargetPolicy.REFUSE)).isEqualTo(CopyDecision.Action.COPY);
    }

    @Test
    void equalSizeAndSinglePartETagIsSkipped() {
        assertThat(decide(SOURCE, target(43, MD5, Map.of()), NonEmptyTargetPolicy.OVERWRITE)).isEqualTo(CopyDecision.Action.SKIP);
    }

    @Test
    void differentSizeOrETagIsOverwritten() {
        assertThat(decide(SOURCE, target(44, MD5, Map.of()), NonEmptyTargetPolicy.OVERWRITE)).isEqualTo(CopyDecision.Action.OVERWRITE);
        CopyDecision d = CopyDecision.decide(SOURCE, Optional.of(target(43, "0000", Map.of())), NonEmptyTargetPolicy.OVERWRITE);
        assertThat(d.action()).isEqualTo(CopyDecision.Action.OVERWRITE);
        assertThat(d.reason()).contains("ETag differs").contains(MD5).contains("0000");
    }

    @Test
    void aMultipartTargetIsEqualWhenItRecordsTheSourceETag() {
        ListedObject big = ListedObject.current("big.bin", 13_000_000, "abc-2");
        ObjectHead copied = target(13_000_000, "def-3", Map.of(ObjectAttributes.SOURCE_ETAG, "abc-2"));
        assertThat(decide(big, copied, NonEmptyTargetPolicy.OVERWRITE)).isEqualTo(CopyDecision.Action.SKIP);
        ObjectHead stale = target(13_000_000, "def-3", Map.of(ObjectAttributes.SOURCE_ETAG, "older-2"));
        assertThat(decide(big, stale, NonEmptyTargetPolicy.OVERWRITE)).isEqualTo(CopyDecision.Action.OVERWRITE);
    }

    @Test
    void aMultipartETagWithoutARecordIsNotProofUnlessIdentical() {
        ListedObject big = ListedObject.current("big.bin", 13_000_000, "abc-2");
        assertThat(decide(big, target(13_000_000, "abc-2", Map.of()), NonEmptyTargetPolicy.OVERWRITE)).isEqualTo(CopyDecision.Action.SKIP);
        assertThat(decide(big, target(13_000_000, "def-3", Map.of()), NonEmptyTargetPolicy.OVERWRITE))
                .isEqualTo(CopyDecision.Action.OVERWRITE);
    }

    @Test
    void skipExistingKeepsADifferentTargetObjectAndSaysSo() {
        CopyDecision d = CopyDecision.decide(SOURCE, Optional.of(target(1, "x", Map.of())), NonEmptyTargetPolicy.SKIP_EXISTING);
        assertThat(d.action()).isEqualTo(CopyDecision.Action.SKIP);
        assertThat(d.reason()).contains("skip-existing").contains("size differs");
    }

    @Test
    void zeroByteObjectsCompareLikeAnyOther() {
        ListedObject empty = ListedObject.current("folder/", 0, "d41d8cd98f00b204e9800998ecf8427e");
        assertThat(decide(empty, target(0, "d41d8cd98f00b204e9800998ecf8427e", Map.of()), NonEmptyTargetPolicy.REFUSE))
                .isEqualTo(CopyDecision.Action.SKIP);
    }
}
