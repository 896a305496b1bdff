package dev.migrator.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** Reads the version Maven wrote into the jar. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getClassLoader().getResourceAsStream("migrator-version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        }
        return new String[] {"migrator " + properties.getProperty("version", "(development build)"),
            "MigrationSchema formats: native 1.0, VAMS (upstream templates v2.0.0 to v2.1.1)",
            "Java " + System.getProperty("java.version")};
    }
}
