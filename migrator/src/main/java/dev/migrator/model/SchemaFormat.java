package dev.migrator.model;

/** The on-disk format a schema file was written in. */
public enum SchemaFormat {
    /** The upstream VAMS MigrationSchema ({@code regionFrom}, {@code VAMS_S3Bucket_Mapping}, ...). */
    VAMS("vams", "schemas/vams-migration-schema.json"),
    /** migrator's own format, version 1.0 ({@code "schemaVersion": "1.0"}). */
    NATIVE_1_0("1.0", "schemas/migration-schema-1.0.json");

    private final String version;
    private final String jsonSchemaResource;

    SchemaFormat(String version, String jsonSchemaResource) {
        this.version = version;
        this.jsonSchemaResource = jsonSchemaResource;
    }

    public String version() {
        return version;
    }

    public String jsonSchemaResource() {
        return jsonSchemaResource;
    }
}
