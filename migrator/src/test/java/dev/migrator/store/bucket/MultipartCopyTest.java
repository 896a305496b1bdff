package dev.migrator.store.bucket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.model.ByteSize;
import org.junit.jupiter.api.Test;

class MultipartCopyTest {

    @Test
    void thePartSizeGrowsSoAnyObjectFitsInTenThousandParts() {
        assertThat(MultipartCopy.partSize(13 * ByteSize.MIB, 5 * ByteSize.MIB)).isEqualTo(5 * ByteSize.MIB);
        long fiveTiB = 5 * 1024 * ByteSize.GIB;
        long part = MultipartCopy.partSize(fiveTiB, 256 * ByteSize.MIB);
        assertThat((fiveTiB + part - 1) / part).isLessThanOrEqualTo(MultipartCopy.MAX_PARTS);
    }

    @Test
    void sizesReadAsBytesOrWithABinaryUnit() {
        assertThat(ByteSize.parse("64MiB")).contains(64 * ByteSize.MIB);
        assertThat(ByteSize.parse("5 GiB")).contains(5 * ByteSize.GIB);
        assertThat(ByteSize.parse("123")).contains(123L);
        assertThat(ByteSize.parse("64MB")).isEmpty();
        assertThat(ByteSize.format(5 * ByteSize.GIB)).isEqualTo("5.0 GiB");
    }
}
