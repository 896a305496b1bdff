package dev.migrator.store.table;

import dev.migrator.engine.Finding;
import dev.migrator.model.TableExport;
import dev.migrator.support.AwsErrors;
import java.util.Optional;

/** Preflight of a pair that reads an export: its manifests are there, finished, and in DYNAMODB_JSON. */
final class ExportCheck {
    private ExportCheck() {}

    static Finding of(TableExport export, ExportFiles s3) {
        String where = "s3://" + export.bucket() + "/" + export.summaryKey();
        Optional<ExportManifest> manifest;
        try {
            manifest = ExportManifest.read(s3, export);
        } catch (RuntimeException e) {
            return Finding.error("cannot read export " + export.exportArn() + " at " + where + ": " + AwsErrors.describe(e),
                    "the source stack's credentials need s3:GetObject on the export's bucket and prefix (" + export.pointer() + ")");
        }
        if (manifest.isEmpty()) {
            return Finding.error("export " + export.exportArn() + " has no manifest-summary.json at " + where,
                    "check bucket and prefix at " + export.pointer() + " against the export's S3Bucket and S3Prefix "
                            + "(aws dynamodb describe-export --export-arn ...), and that it has COMPLETED");
        }
        ExportManifest m = manifest.get();
        if (!"DYNAMODB_JSON".equals(m.outputFormat())) {
            return Finding.error("export " + export.exportArn() + " is in " + m.outputFormat() + "; migrator reads DYNAMODB_JSON exports",
                    "export the table again with --export-format DYNAMODB_JSON");
        }
        return Finding.info("the bulk copy reads export " + export.exportArn() + " (snapshot of " + m.exportTime() + ": " + m.itemCount()
                + " items in " + m.files().size() + " data files), not the table");
    }

    /** A pair that starts its export: the source table must have point-in-time recovery on. */
    static Finding startable(String table, Optional<Boolean> pointInTimeRecovery, TableExport export) {
        if (pointInTimeRecovery.isEmpty()) {
            return Finding.warning("cannot tell whether point-in-time recovery is on for source table " + table
                    + ": the export the run starts needs it", "aws dynamodb describe-continuous-backups --table-name " + table);
        }
        if (!pointInTimeRecovery.get()) {
            return Finding.error("source table " + table + " has point-in-time recovery off: the export the run starts (" + export.pointer()
                    + ") needs it", "aws dynamodb update-continuous-backups --table-name " + table
                    + " --point-in-time-recovery-specification PointInTimeRecoveryEnabled=true, or name a finished export in exportArn");
        }
        return Finding.info("the bulk copy starts an export of " + table + " into s3://" + export.bucket() + "/" + export.prefix()
                + " and reads it, not the table");
    }
}
