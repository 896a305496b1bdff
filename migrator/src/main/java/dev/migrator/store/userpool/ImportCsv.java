package dev.migrator.store.userpool;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CSV of a Cognito user import job: the header as GetCSVHeader gives it for the target pool, one
 * row per user (RFC 4180 quoting, UTF-8). Where GetCSVHeader is not available (no emulator has it),
 * the header is derived in the documented order: the standard attributes (every pool has them), the
 * pool's custom ones, then cognito:mfa_enabled and cognito:username.
 */
final class ImportCsv {
    /** The standard attributes, in the order AWS's GetCSVHeader lists them. */
    static final List<String> STANDARD_ORDER = List.of("name", "given_name", "family_name", "middle_name", "nickname",
            "preferred_username", "profile", "picture", "website", "email", "email_verified", "gender", "birthdate", "zoneinfo",
            "locale", "phone_number", "phone_number_verified", "address", "updated_at");
    static final String MFA_ENABLED = "cognito:mfa_enabled";
    static final String USERNAME = "cognito:username";

    private final List<String> header;

    ImportCsv(List<String> header) {
        this.header = List.copyOf(header);
    }

    static List<String> derivedHeader(UserPoolInfo pool) {
        List<String> header = new ArrayList<>(STANDARD_ORDER);
        pool.attributes().stream().map(AttributeSpec::name).filter(n -> n.startsWith("custom:")).forEach(header::add);
        header.add(MFA_ENABLED);
        header.add(USERNAME);
        return header;
    }

    List<String> header() {
        return header;
    }

    String headerLine() {
        return line(header.stream());
    }

    /** The user's row; the verified flags and the MFA flag are "true" or "false", as import jobs require. */
    String row(String username, Map<String, String> attributes, boolean mfaEnabled) {
        return line(header.stream().map(column -> switch (column) {
            case USERNAME -> username;
            case MFA_ENABLED -> String.valueOf(mfaEnabled);
            case "email_verified", "phone_number_verified" -> String.valueOf("true".equalsIgnoreCase(attributes.get(column)));
            default -> attributes.getOrDefault(column, "");
        }));
    }

    private static String line(Stream<String> values) {
        return String.join(",", values.map(ImportCsv::quote).toList());
    }

    static String quote(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
