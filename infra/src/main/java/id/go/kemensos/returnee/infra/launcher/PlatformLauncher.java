package id.go.kemensos.returnee.infra.launcher;

import id.go.kemensos.returnee.contracts.MaskedValues;
import id.go.kemensos.returnee.infra.identity.DemoOfficers;
import id.go.kemensos.returnee.infra.identity.IdentityProvider;
import id.go.kemensos.returnee.infra.sim.AcceptedSms;
import id.go.kemensos.returnee.infra.sim.PostOfficeSimulator;
import id.go.kemensos.returnee.infra.stack.LocalStack;
import id.go.kemensos.returnee.infra.stack.ManagedProcess;
import id.go.kemensos.returnee.infra.stack.PlatformHome;
import id.go.kemensos.returnee.privacy.PlatformKeys;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the whole platform on the local stack, in dependency order: MariaDB, the identity provider (Keycloak), Kafka,
 * topics, the outbox relay, the gateway simulators, then the five services. Reports each part's health and the demo
 * officers, pushes the sample returnees through, prints every stage as it happens and keeps running until Ctrl-C, when
 * everything stops in reverse order.
 *
 * <p>Usage: {@code java -jar infra/target/infra-0.1.0-SNAPSHOT-exec.jar [returnees.json]}, and, while it runs,
 * {@code java -jar infra/target/infra-0.1.0-SNAPSHOT-exec.jar token <username>}, which prints only a demo officer's
 * access token: {@code curl -H "Authorization: Bearer $(java -jar ... token clerk.ntb)" ...}
 */
public final class PlatformLauncher {

    /** Demo settings: payments below the limit are approved automatically (maker-checker is the production default). */
    static final Map<String, String> DEMO_ENVIRONMENT = Map.of(
            "DISBURSEMENT_AUTO_APPROVAL", "true",
            "DISBURSEMENT_STATUS_CHECK_DELAY", "PT5S",
            "DISBURSEMENT_OPENING_STATUS_INTERVAL", "PT3S");

    private PlatformLauncher() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("token")) {
            System.exit(token(args));
        }
        if (args.length > 0 && args[0].equals("seal-keys")) {
            System.exit(sealKeys(args));
        }
        PrintStream out = System.out;
        PlatformHome home = PlatformHome.locate();
        Path sample = args.length > 0 ? Path.of(args[0]) : home.root().resolve("infra/sample/returnees.json");
        LocalStack stack = new LocalStack(home);
        PlatformServices services = new PlatformServices(home, DEMO_ENVIRONMENT);
        CountDownLatch stopped = new CountDownLatch(1);
        StageMonitor[] monitor = new StageMonitor[1];
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            out.println("\nStopping: services, then simulators, the Kafka Connect worker, Kafka, "
                                    + "Keycloak and MariaDB ...");
                            if (monitor[0] != null) {
                                monitor[0].close();
                            }
                            services.close();
                            stack.close();
                            out.println("Stopped. Data stays in " + home.work() + " (delete it for a clean start).");
                            stopped.countDown();
                        },
                        "platform-shutdown"));

        out.println("== Starting the local stack");
        long begin = System.nanoTime();
        stack.startForServices();
        long stackUp = System.nanoTime();
        out.println("== Starting the services (the outbox relay and Keycloak finish starting meanwhile)");
        services.startAll(stack::awaitIdentityProvider);
        long servicesUp = System.nanoTime();
        stack.awaitReady();
        out.printf(
                "== Up in %.1f s: what the services need in %.1f s, the services %.1f s after, the relay and Keycloak"
                        + " %.1f s after them%n",
                (System.nanoTime() - begin) / 1e9,
                (stackUp - begin) / 1e9,
                (servicesUp - stackUp) / 1e9,
                (System.nanoTime() - servicesUp) / 1e9);
        out.println("== Health");
        stack.health().forEach((part, health) -> out.printf("  %-22s %s%n", part, health));
        for (PlatformService service : PlatformService.values()) {
            out.printf(
                    "  %-22s %s%n",
                    service.artifact(),
                    ManagedProcess.isListening(service.port()) ? "UP " + service.baseUrl() : "DOWN");
        }
        printDemoOfficers(out);

        monitor[0] = new StageMonitor(stack.kafka().bootstrapServers(), out);
        Thread monitorThread = new Thread(monitor[0], "stage-monitor");
        monitorThread.setDaemon(true);
        monitorThread.start();

        out.println("== Registering the sample returnees from " + sample);
        Submitted submitted = submit(sample, out);
        if (submitted.registered() == 0) {
            out.println("   All of them were registered in an earlier run (HTTP 200: one beneficiary per NIK), so "
                    + "nothing new flows. Delete " + home.work() + " for a fresh demo.");
        }
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        Set<String> collected = new HashSet<>();
        while (monitor[0].paidAndNotified() < submitted.adults()
                && Instant.now().isBefore(deadline)) {
            collectCashAtThePostOffice(stack, sample, collected, out);
            ManagedProcess.pause(Duration.ofMillis(200));
        }
        out.printf(
                "== %d of %d adults of the sample registered, paid and told (by SMS; in person, having no phone: %d; "
                        + "children referred to child protection, not paid: %d). Bank simulator executed %d transfers; "
                        + "post offices paid out %d in cash; SMS simulator accepted %d messages.%n",
                monitor[0].paidAndNotified(),
                submitted.adults(),
                monitor[0].toldInPerson(),
                submitted.registered() - submitted.adults(),
                stack.bank().executedTransferCount(),
                stack.postOffice().stats().payouts(),
                stack.sms().acceptedCount());
        try {
            printPayments(out);
        } catch (Exception e) {
            out.println("== Payments report unavailable (the platform keeps running): " + e);
        }
        try {
            audit(out);
        } catch (Exception e) {
            out.println("== Audit check failed (the platform keeps running): " + e);
        }
        out.println("== Console for officers: " + PlatformService.CONSOLE.baseUrl()
                + "/ (sign in as one of the demo officers above)");
        out.println("== Running. APIs: registration " + PlatformService.REGISTRATION.baseUrl()
                + "/api/returnees, auditors "
                + PlatformService.AUDIT.baseUrl() + "/swagger-ui/index.html, health "
                + "<service>/actuator/health, logs in " + home.work().resolve("logs") + ". Press Ctrl-C to stop.");
        stopped.await();
    }

    /**
     * {@code seal-keys <keys-dir> <transit-key>}, with VAULT_ADDR and VAULT_TOKEN (an operator's token allowed to
     * encrypt) in the environment as for Vault's own CLI: seals the keysets of the directory in Vault, generating any
     * that is missing.
     */
    private static int sealKeys(String[] args) {
        String address = System.getenv("VAULT_ADDR");
        String token = System.getenv("VAULT_TOKEN");
        if (args.length != 3 || address == null || token == null) {
            System.err.println("Usage: VAULT_ADDR=... VAULT_TOKEN=... seal-keys <keys-dir> <transit-key>");
            return 2;
        }
        try {
            PlatformKeys.sealInVault(Path.of(args[1]), java.net.URI.create(address), token, args[2]);
            System.out.println("Sealed in " + address + " (transit key " + args[2] + "): "
                    + Path.of(args[1]).toAbsolutePath() + "; give each service a decrypt-only token as "
                    + PlatformKeys.VAULT_TOKEN);
            return 0;
        } catch (RuntimeException e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }

    /** {@code token <username>}: prints only the access token; exit 2 with one line on stderr when it cannot be had. */
    private static int token(String[] args) {
        if (args.length != 2) {
            System.err.println("Usage: token <username>, one of " + DemoOfficers.Officer.usernames());
            return 2;
        }
        try {
            System.out.println(new DemoOfficers(IdentityProvider.baseUrl(), null).accessToken(args[1]));
            return 0;
        } catch (IllegalArgumentException | DemoOfficers.IdentityProviderUnreachable e) {
            System.err.println(e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }

    private static void printDemoOfficers(PrintStream out) {
        out.println("== Demo officers of realm " + IdentityProvider.REALM + ", issuer " + IdentityProvider.issuerUri());
        out.println("   These passwords exist only in the local stack. A token: java -jar "
                + "infra/target/infra-0.1.0-SNAPSHOT-exec.jar token <username>");
        for (DemoOfficers.Officer officer : DemoOfficers.all()) {
            out.printf(
                    "  %-16s %-32s %-12s password %s%n",
                    officer.username(),
                    String.join(", ", officer.roles()),
                    officer.province().map(p -> "province " + p).orElse(""),
                    officer.password());
        }
    }

    /**
     * What an auditor would check next: the ledger's chain and its rows against Kafka, and a replay against the live
     * report.
     */
    private static void audit(PrintStream out) throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        HttpClient http = HttpClient.newHttpClient();
        String audit = PlatformService.AUDIT.baseUrl();
        String auditor = "Bearer " + DemoOfficers.local().accessToken(DemoOfficers.Officer.AUDITOR);
        JsonNode chain =
                json.readTree(post(http, auditor, audit + "/api/ledger/verification", "application/json", "{}"));
        JsonNode kafka =
                json.readTree(post(http, auditor, audit + "/api/ledger/kafka-comparison", "application/json", "{}"));
        JsonNode replay = json.readTree(post(http, auditor, audit + "/api/replays", "application/json", "{}"));
        String live = http.send(
                        HttpRequest.newBuilder(URI.create(PlatformService.DISBURSEMENT.baseUrl()
                                        + "/api/reports/payments?groupBy=program,province,regency,state&format=csv"))
                                .header("Authorization", auditor)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        JsonNode comparison = json.readTree(post(
                http,
                auditor,
                audit + "/api/replays/" + replay.at("/run/replayId").asString() + "/comparison",
                "text/csv",
                live));
        out.printf(
                "== Audit: ledger of %d events, chain %s, %s; replay of disbursement.events into %s: %d payments, "
                        + "%d anomalies, %s the live report%n",
                chain.get("rowsChecked").asLong(),
                chain.get("intact").asBoolean()
                        ? "intact"
                        : "BROKEN at row " + chain.at("/firstBroken/seq").asLong(),
                kafka.get("matches").asBoolean()
                        ? "every row as on Kafka"
                        : kafka.get("differences").size() + " rows NOT AS ON KAFKA",
                replay.at("/run/replayId").asString(),
                replay.at("/run/payments").asLong(),
                replay.get("anomalies").size(),
                comparison.get("matches").asBoolean()
                        ? "equal to"
                        : comparison.get("differences").size() + " differences from");
    }

    private static String post(HttpClient http, String authorization, String url, String contentType, String body)
            throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Content-Type", contentType)
                                .header("Authorization", authorization)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    /**
     * What the ministry sees of the run, from disbursement's ledger: settled payments by channel and sex, so that the
     * demo shows at once whether women and men, with an account or without, were paid alike.
     */
    private static void printPayments(PrintStream out) throws Exception {
        String ministry = DemoOfficers.Officer.OFFICER_PUSAT.username();
        String body = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(PlatformService.DISBURSEMENT.baseUrl()
                                        + "/api/reports/payments?groupBy=channel,sex,state&provinceCode=52"))
                                .header(
                                        "Authorization",
                                        "Bearer " + DemoOfficers.local().accessToken(ministry))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        StringBuilder line = new StringBuilder("== Payments settled in NTB by channel and sex (as " + ministry + "):");
        for (JsonNode row : JsonMapper.builder().build().readTree(body)) {
            if ("SETTLED".equals(row.path("state").asString())) {
                line.append(' ')
                        .append(row.path("channel").asString())
                        .append(' ')
                        .append(row.path("sex").asString())
                        .append(' ')
                        .append(row.path("payments").asLong())
                        .append(',');
            }
        }
        out.println(line.charAt(line.length() - 1) == ',' ? line.substring(0, line.length() - 1) : line + " none");
    }

    /** The demo realm's clerk of a province: the one officer who registers its people. */
    private static String clerkOf(String provinceCode) {
        return DemoOfficers.all().stream()
                .filter(o -> o.province().filter(provinceCode::equals).isPresent())
                .findFirst()
                .orElseThrow(
                        () -> new IllegalArgumentException("The demo realm has no clerk for province " + provinceCode))
                .username();
    }

    /**
     * The sample's people without a bank account go to a post office with the claim code their SMS gave them and their
     * KTP, as a returnee would: the simulator's counter pays them, and the platform learns it from PT Pos.
     */
    private static void collectCashAtThePostOffice(
            LocalStack stack, Path sample, Set<String> collected, PrintStream out) throws Exception {
        Map<String, String> nikByPhone = new HashMap<>();
        for (JsonNode returnee : JsonMapper.builder().build().readTree(sample.toFile())) {
            if (!returnee.hasNonNull("phone")) {
                continue; // no SMS brings them a code: PT Pos's letter does (CashOrder.invitationLetter)
            }
            nikByPhone.put(
                    lastNineDigits(returnee.get("phone").asString()),
                    returnee.get("nik").asString());
        }
        for (AcceptedSms sms : stack.sms().acceptedMessages()) {
            Matcher code = CLAIM_CODE.matcher(sms.text());
            String nik = nikByPhone.get(lastNineDigits(sms.to()));
            if (code.find() && nik != null && collected.add(code.group(1))) {
                int status = stack.postOffice()
                        .claim(new PostOfficeSimulator.CounterClaim(code.group(1), nik, "Kantor Pos Mataram"))
                        .status();
                out.printf(
                        "  %s collects the grant in cash at Kantor Pos Mataram with the code from the SMS -> %d%n",
                        MaskedValues.lastFour(sms.to()), status);
            }
        }
    }

    private static String lastNineDigits(String phone) {
        String digits = phone.replaceAll("\\D", "");
        return digits.substring(Math.max(0, digits.length() - 9));
    }

    /** The claim code in the SMS that tells a person their cash waits at a post office. */
    private static final Pattern CLAIM_CODE = Pattern.compile("(?:kode|code) (\\d{10})");

    /** How many of the sample were registered now, and how many of those are adults, whom the grant pays. */
    private record Submitted(int registered, int adults) {}

    private static Submitted submit(Path sample, PrintStream out) throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        HttpClient http = HttpClient.newHttpClient();
        int submitted = 0;
        int adults = 0;
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
        for (JsonNode returnee : json.readTree(sample.toFile())) {
            // Registered at the desk of the returnee's province, by its clerk.
            String clerk = clerkOf(returnee.get("provinceCode").asString());
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(PlatformService.REGISTRATION.baseUrl() + "/api/returnees"))
                            .header("Content-Type", "application/json")
                            .header(
                                    "Authorization",
                                    "Bearer " + DemoOfficers.local().accessToken(clerk))
                            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(returnee)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            out.printf(
                    "  POST /api/returnees %s (as %s) -> HTTP %d%n",
                    MaskedValues.initials(returnee.get("fullName").asString()), clerk, response.statusCode());
            if (response.statusCode() == 201) {
                submitted++;
                LocalDate born = LocalDate.parse(returnee.get("birthDate").asString());
                adults += born.plusYears(18).isAfter(today) ? 0 : 1;
            }
        }
        return new Submitted(submitted, adults);
    }
}
