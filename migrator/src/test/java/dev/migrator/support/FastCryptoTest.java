package dev.migrator.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.support.digest.Digest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** On Linux x86_64 (these machines and CI) the native provider serves SHA-256, with the JDK's answers. */
class FastCryptoTest {

    @Test
    void theNativeProviderServesSha256WithTheSameDigests() throws Exception {
        Assumptions.assumeTrue(System.getProperty("os.name").equals("Linux") && System.getProperty("os.arch").equals("amd64"),
                "the native provider is packed for Linux x86_64 only");
        assertThat(FastCrypto.install()).startsWith("AmazonCorrettoCryptoProvider");
        byte[] text = "{\"pk\":S\"item-7\",\"n\":N1.5}".repeat(1000).getBytes(StandardCharsets.UTF_8);
        ByteBuffer jdk = ByteBuffer.wrap(MessageDigest.getInstance("SHA-256", "SUN").digest(text));
        assertThat(Digest.of(text)).isEqualTo(new Digest(jdk.getLong(), jdk.getLong()));
        assertThat(javax.crypto.Mac.getInstance("HmacSHA256").getProvider().getName()).isEqualTo("AmazonCorrettoCryptoProvider");
    }
}
