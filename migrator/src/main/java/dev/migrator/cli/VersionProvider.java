package dev.migrator.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** Reads the version Maven wrote into the jar. */
final class VersionProvider implements CommandLine.IVersionProvider {
    static final String FORMATS = "native 1.0, VAMS (upstream templates v2.0.0 to v2.1.1)";

    @Override
    public String[] getVersion() throws IOException {
        return new String[] {"migrator " + version(), "MigrationSchema formats: " + FORMATS, "Java " + System.getProperty("java.version"),
            "SHA-256 and request signing: " + dev.migrator.support.FastCrypto.install()};
    }

    /** {@code --version --json}: the same facts for machines. */
    static java.util.Map<String, Object> asJson() throws IOException {
        java.util.Map<String, Object> json = new java.util.LinkedHashMap<>();
        json.put("migrator", version());
        json.put("schemaFormats", java.util.List.of("native 1.0", "VAMS"));
        json.put("vamsTemplates", "v2.0.0 to v2.1.1");
        json.put("java", System.getProperty("java.version"));
        json.put("crypto", dev.migrator.support.FastCrypto.install());
        return json;
    }

    private static String version() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getClassLoader().getResourceAsStream("migrator-version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        }
        return properties.getProperty("version", "(development build)");
    }
}
