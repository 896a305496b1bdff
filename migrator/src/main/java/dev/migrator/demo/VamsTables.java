package dev.migrator.demo;

import java.util.Map;

/** Key schemas of the VAMS tables (v2.1.1 CDK, per shared/reference/vams/NOTES.md): name to partition and sort key. */
final class VamsTables {
    private VamsTables() {}

    static final Map<String, String[]> KEYS = Map.ofEntries(
            Map.entry("assetStorageTable", new String[] {"databaseId", "assetId"}),
            Map.entry("databaseStorageTable", new String[] {"databaseId", null}),
            Map.entry("commentStorageTable", new String[] {"assetId", "assetVersionId:commentId"}),
            Map.entry("jobStorageTable", new String[] {"jobId", "databaseId"}),
            Map.entry("pipelineStorageTable", new String[] {"databaseId", "pipelineId"}),
            Map.entry("workflowStorageTable", new String[] {"databaseId", "workflowId"}),
            Map.entry("workflowExecutionStorageTable", new String[] {"pk", "sk"}),
            Map.entry("metadataStorageTable", new String[] {"databaseId", "assetId"}),
            Map.entry("metadataSchemaStorageTable", new String[] {"databaseId", "field"}),
            Map.entry("tagStorageTable", new String[] {"tagName", null}),
            Map.entry("tagTypeStorageTable", new String[] {"tagTypeName", null}),
            Map.entry("subscriptionsStorageTable", new String[] {"eventName", "entityName_entityId"}),
            Map.entry("rolesStorageTable", new String[] {"roleName", null}),
            Map.entry("userRolesStorageTable", new String[] {"userId", "roleName"}),
            Map.entry("authEntitiesStorageTable", new String[] {"entityType", "sk"}),
            Map.entry("assetLinksStorageTable", new String[] {"assetIdFrom", "assetIdTo"}));
}
