import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Counts the test results of the last build and prints one closing line, {@code N passed, N failed}.
 *
 * <p>Unit tests report through Surefire ({@code target/surefire-reports}); in-framework tests through
 * bnd-testing ({@code target/test-reports/<bndrun>}), which prints no count of its own and can
 * silently run none. Exits 1 when any test failed or when no in-framework test ran.
 *
 * <p>Run with {@code java cnf/ci/TestSummary.java [ROOT]}.
 */
public final class TestSummary {
    private static final Pattern SUITE = Pattern.compile("<testsuite\\b[^>]*>");

    record Counts(int tests, int failed, int skipped) {
        Counts plus(Counts other) {
            return new Counts(tests + other.tests, failed + other.failed, skipped + other.skipped);
        }

        int passed() {
            return tests - failed - skipped;
        }
    }

    public static void main(String[] args) throws IOException {
        Path root = Paths.get(args.length > 0 ? args[0] : ".");
        Counts unit = count(reports(root, "surefire-reports"));
        Counts framework = count(reports(root, "test-reports"));
        Counts all = unit.plus(framework);
        System.out.printf("unit tests: %d passed, %d failed, %d skipped%n", unit.passed(), unit.failed(), unit.skipped());
        System.out.printf("in-framework tests: %d passed, %d failed, %d skipped%n",
            framework.passed(), framework.failed(), framework.skipped());
        boolean ok = all.failed() == 0 && framework.tests() > 0;
        if (framework.tests() == 0) {
            System.out.println("no in-framework test ran: that is a failure");
        }
        System.out.printf("%d passed, %d failed%s%n", all.passed(), all.failed() + (framework.tests() == 0 ? 1 : 0),
            all.skipped() == 0 ? "" : ", " + all.skipped() + " skipped");
        System.exit(ok ? 0 : 1);
    }

    private static List<Path> reports(Path root, String folder) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().matches("TEST-.*\\.xml"))
                .filter(p -> p.toString().contains("/target/" + folder + "/"))
                .collect(Collectors.toList());
        }
    }

    static Counts count(List<Path> reports) throws IOException {
        Counts total = new Counts(0, 0, 0);
        for (Path report : reports) {
            Matcher suite = SUITE.matcher(Files.readString(report));
            while (suite.find()) {
                String tag = suite.group();
                total = total.plus(new Counts(attribute(tag, "tests"),
                    attribute(tag, "failures") + attribute(tag, "errors"), attribute(tag, "skipped")));
            }
        }
        return total;
    }

    private static int attribute(String tag, String name) {
        Matcher value = Pattern.compile("\\b" + name + "=\"(\\d+)\"").matcher(tag);
        return value.find() ? Integer.parseInt(value.group(1)) : 0;
    }
}
