package dev.migrator.store.userpool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The import-job CSV against Cognito's documented format (no emulator implements import jobs). */
class ImportCsvTest {
    /** The header GetCSVHeader returns for a pool with the default schema, as the Cognito developer guide shows it. */
    static final String DOCUMENTED_DEFAULT_HEADER = "name,given_name,family_name,middle_name,nickname,preferred_username,profile,"
            + "picture,website,email,email_verified,gender,birthdate,zoneinfo,locale,phone_number,phone_number_verified,address,"
            + "updated_at,cognito:mfa_enabled,cognito:username";

    private static AttributeSpec spec(String name) {
        return new AttributeSpec(name, "String", false, true, false);
    }

    private static UserPoolInfo pool(List<AttributeSpec> attributes) {
        return new UserPoolInfo("us-east-1_x", "p", 0, List.of(), List.of(), "OFF", attributes,
                UserPoolInfo.PasswordRules.COGNITO_DEFAULT);
    }

    @Test
    void theDerivedHeaderOfADefaultPoolIsTheDocumentedOne() {
        List<AttributeSpec> defaults = new java.util.ArrayList<>(List.of(spec("sub")));
        ImportCsv.STANDARD_ORDER.forEach(n -> defaults.add(spec(n)));
        defaults.add(spec("identities"));
        assertThat(String.join(",", ImportCsv.derivedHeader(pool(defaults)))).isEqualTo(DOCUMENTED_DEFAULT_HEADER);
    }

    @Test
    void customAttributesComeAfterTheStandardOnesAndBeforeTheCognitoColumns() {
        List<String> header = ImportCsv.derivedHeader(pool(List.of(spec("sub"), spec("email"), spec("custom:department"))));
        assertThat(header.subList(ImportCsv.STANDARD_ORDER.size(), header.size()))
                .containsExactly("custom:department", "cognito:mfa_enabled", "cognito:username");
    }

    @Test
    void rowsFillEveryColumnQuoteWhatNeedsItAndSpellBooleansAsImportJobsRequire() {
        ImportCsv csv = new ImportCsv(List.of("name", "email", "email_verified", "phone_number_verified", "custom:dept",
                "cognito:mfa_enabled", "cognito:username"));
        String row = csv.row("alice", Map.of("name", "Smith, \"Ali\"", "email", "a@example.com", "email_verified", "True"), false);
        assertThat(row).isEqualTo("\"Smith, \"\"Ali\"\"\",a@example.com,true,false,,false,alice");
        assertThat(csv.headerLine()).isEqualTo("name,email,email_verified,phone_number_verified,custom:dept,cognito:mfa_enabled,cognito:username");
    }

    @Test
    void generatedPasswordsMeetThePoolPolicy() {
        TemporaryPasswords passwords = new TemporaryPasswords(new UserPoolInfo.PasswordRules(24, true, true, true, true));
        for (int i = 0; i < 200; i++) {
            String p = passwords.next();
            assertThat(p).hasSizeGreaterThanOrEqualTo(24).matches(".*[A-Z].*").matches(".*[a-z].*").matches(".*[0-9].*")
                    .matches(".*[^A-Za-z0-9].*").doesNotContain(",").doesNotContain("\"");
        }
    }

    @Test
    void compatibilityNamesMissingCustomAttributesAndNewlyRequiredOnes() {
        UserPoolInfo source = pool(List.of(spec("email"), spec("custom:department"), spec("custom:level")));
        UserPoolInfo target = pool(List.of(new AttributeSpec("email", "String", true, true, false), spec("custom:level"),
                new AttributeSpec("custom:badge", "String", true, true, false)));
        List<AttributeCompatibility.Problem> problems = AttributeCompatibility.check(source, target);
        assertThat(problems).extracting(AttributeCompatibility.Problem::message).anySatisfy(m -> assertThat(m)
                .contains("lacks custom attribute(s) [custom:department]"))
                .anySatisfy(m -> assertThat(m).contains("requires [custom:badge], which the source pool does not have"))
                .anySatisfy(m -> assertThat(m).contains("requires [email], optional in the source pool"));
    }
}
