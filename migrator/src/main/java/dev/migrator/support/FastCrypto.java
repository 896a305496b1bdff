package dev.migrator.support;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;

/**
 * Puts Amazon Corretto Crypto Provider (native SHA-256, HMAC, AES-GCM) first among the JVM's security providers when
 * its native library loads here, so request signing, TLS and verification digests run natively; otherwise leaves
 * the JDK's providers as they are. Idempotent.
 */
public final class FastCrypto {
    private FastCrypto() {}

    /** Installs the provider if it can (not with {@code MIGRATOR_NATIVE_CRYPTO=false}); returns what serves SHA-256 now. */
    public static synchronized String install() {
        if ("false".equalsIgnoreCase(System.getenv("MIGRATOR_NATIVE_CRYPTO"))) {
            return describe();
        }
        try {
            if (AmazonCorrettoCryptoProvider.INSTANCE.getLoadingError() == null) {
                AmazonCorrettoCryptoProvider.install();
                AmazonCorrettoCryptoProvider.INSTANCE.assertHealthy();
            }
        } catch (RuntimeException | LinkageError e) {
            // the JDK's own providers stay in place
        }
        return describe();
    }

    /** The provider SHA-256 comes from, named with its version. */
    public static String describe() {
        try {
            java.security.Provider p = java.security.MessageDigest.getInstance("SHA-256").getProvider();
            return p.getName() + " " + p.getVersionStr();
        } catch (java.security.NoSuchAlgorithmException e) {
            return "none";
        }
    }
}
