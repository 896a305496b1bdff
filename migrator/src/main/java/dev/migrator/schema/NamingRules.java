package dev.migrator.schema;

import java.util.List;
import java.util.regex.Pattern;

/** AWS's naming rules for regions, buckets, tables, user pool ids and role ARNs. */
final class NamingRules {
    static final List<String> KNOWN_REGIONS = List.of(
            "us-east-1", "us-east-2", "us-west-1", "us-west-2", "af-south-1", "ap-east-1", "ap-east-2",
            "ap-south-1", "ap-south-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
            "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5",
            "ap-southeast-6", "ap-southeast-7", "ca-central-1", "ca-west-1", "eu-central-1", "eu-central-2",
            "eu-west-1", "eu-west-2", "eu-west-3", "eu-south-1", "eu-south-2", "eu-north-1", "il-central-1",
            "me-south-1", "me-central-1", "mx-central-1", "sa-east-1", "us-gov-east-1", "us-gov-west-1",
            "cn-north-1", "cn-northwest-1");
    private static final Pattern REGION = Pattern.compile("^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d{1,2}$");
    private static final Pattern BUCKET = Pattern.compile("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$");
    private static final Pattern IP_ADDRESS = Pattern.compile("^\\d+\\.\\d+\\.\\d+\\.\\d+$");
    private static final Pattern TABLE = Pattern.compile("^[A-Za-z0-9_.-]{3,255}$");
    private static final Pattern USER_POOL_ID = Pattern.compile("^([a-z]{2}(-gov)?-[a-z]+-\\d{1,2})_[0-9A-Za-z]+$");
    private static final Pattern ROLE_ARN = Pattern.compile("^arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}$");

    private NamingRules() {}

    /** {@code null} if the region is well-formed, else what is wrong. */
    static String regionProblem(String region) {
        return REGION.matcher(region).matches() ? null : "'" + region + "' is not an AWS region name";
    }

    static boolean isKnownRegion(String region) {
        return KNOWN_REGIONS.contains(region);
    }

    static String bucketProblem(String name) {
        if (name.length() < 3 || name.length() > 63) {
            return "a bucket name has 3 to 63 characters, '" + name + "' has " + name.length();
        }
        if (!BUCKET.matcher(name).matches()) {
            return "'" + name + "' breaks S3's bucket naming rules: lowercase letters, digits, '.' and '-' only, "
                    + "starting and ending with a letter or digit";
        }
        if (name.contains("..") || name.contains(".-") || name.contains("-.")) {
            return "'" + name + "' has adjacent '.' and '-' characters, which S3 does not allow";
        }
        if (IP_ADDRESS.matcher(name).matches()) {
            return "'" + name + "' looks like an IP address, which S3 does not allow as a bucket name";
        }
        if (name.startsWith("xn--") || name.startsWith("sthree-") || name.endsWith("-s3alias")
                || name.endsWith("--ol-s3") || name.endsWith(".mrap") || name.endsWith("--x-s3")) {
            return "'" + name + "' uses a prefix or suffix that S3 reserves";
        }
        return null;
    }

    static String tableProblem(String name) {
        return TABLE.matcher(name).matches() ? null
                : "'" + name + "' breaks DynamoDB's table naming rules: 3 to 255 characters of A-Z a-z 0-9 _ - .";
    }

    /** Returns the region in the id, or throws with what is wrong. */
    static String userPoolRegion(String id) {
        var m = USER_POOL_ID.matcher(id);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + id + "' is not a user pool id (REGION_ID, e.g. us-east-1_AbCdEf123)");
        }
        return m.group(1);
    }

    static String roleArnProblem(String arn) {
        return ROLE_ARN.matcher(arn).matches() ? null
                : "'" + arn + "' is not an IAM role ARN (arn:aws:iam::123456789012:role/NAME)";
    }
}
