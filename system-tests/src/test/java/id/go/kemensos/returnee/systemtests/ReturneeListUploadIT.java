package id.go.kemensos.returnee.systemtests;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.kemensos.returnee.contracts.registration.RegistrationTopics;
import id.go.kemensos.returnee.contracts.registration.UploadCompleted;
import id.go.kemensos.returnee.contracts.registration.UploadRowReviewed;
import id.go.kemensos.returnee.infra.launcher.PlatformService;
import id.go.kemensos.returnee.infra.sim.AcceptedSms;
import id.go.kemensos.returnee.testsupport.EventLog;
import id.go.kemensos.returnee.testsupport.OfficerLogin;
import id.go.kemensos.returnee.testsupport.PlatformIntegrationTest;
import id.go.kemensos.returnee.testsupport.RegistrationApi;
import id.go.kemensos.returnee.testsupport.ReturneeListFile;
import id.go.kemensos.returnee.testsupport.ReturneeMother;
import id.go.kemensos.returnee.testsupport.RunningPlatform;
import id.go.kemensos.returnee.testsupport.ServiceApi;
import id.go.kemensos.returnee.testsupport.SyntheticReturnees;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An NTB clerk uploads a list mixing good, bad, duplicate and review rows: every row ends accepted, rejected or held,
 * the error report gives back exactly the rejected rows with their problems, the accepted people are registered and
 * told by SMS, and uploading the same file again registers nobody twice.
 */
@PlatformIntegrationTest
class ReturneeListUploadIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.start();
    }

    @Test
    void everyRowIsAcceptedRejectedOrHeldAndAReuploadIsANoOp() throws Exception {
        Map<String, Object> siti = ReturneeMother.sitiAminahLombokTengah();
        Map<String, Object> lalu = ReturneeMother.laluZainiLombokTimur();
        Map<String, Object> wrongSex = ReturneeMother.sitiAminahLombokTengah();
        Map<String, Object> noPhone = ReturneeMother.laluZainiLombokTimur();
        Map<String, Object> livesInBali = ReturneeMother.laluZainiLombokTimur();
        String csv =
                "\ufeffno;NIK;Nama Sesuai KTP;jenis_kelamin;tanggal_lahir;kabupaten_kota;no_hp;kategori;negara_tujuan;"
                        + "tanggal_kepulangan;sumber_rujukan;kode_bank;no_rekening;nama_pemilik_rekening;status_dtks;desil_dtsen;ikut_bimbingan;kolom_tambahan\r\n"
                        + line(1, siti, (String) siti.get("nik"), "P", "LOMBOK TENGAH", (String) siti.get("phone"))
                        + line(2, lalu, (String) lalu.get("nik"), "L", "LOMBOK TIMUR", (String) lalu.get("phone"))
                        + line(3, siti, "520201550890001", "P", "LOMBOK TENGAH", "081299990000")
                        + line(4, lalu, (String) siti.get("nik"), "P", "LOMBOK TENGAH", "081299990001")
                        + line(5, wrongSex, (String) wrongSex.get("nik"), "L", "LOMBOK TENGAH", (String)
                                wrongSex.get("phone"))
                        + line(6, noPhone, (String) noPhone.get("nik"), "L", "LOMBOK TIMUR", "")
                        + line(7, livesInBali, (String) livesInBali.get("nik"), "L", "BADUNG", (String)
                                livesInBali.get("phone"));
        byte[] file = csv.getBytes(StandardCharsets.UTF_8);

        RegistrationApi.Response first = platform.registration().upload(file, "ntb-returnees.csv", "52");
        assertThat(first.status()).as("%s", first.body()).isEqualTo(202);
        UUID uploadId = UUID.fromString(first.body().get("uploadId").asString());

        JsonNode done = await().atMost(ofSeconds(60))
                .until(
                        () -> platform.registration().uploadStatus(uploadId),
                        s -> "COMPLETED".equals(s.get("status").asString()));
        assertThat(done.get("rowsRead").asLong()).isEqualTo(7);
        // Row 6 has no phone: registered all the same, to be told in person (NoPhoneIT follows such a person on).
        assertThat(done.get("accepted").asLong()).isEqualTo(3);
        assertThat(done.get("rejected").asLong()).isEqualTo(2);
        assertThat(done.get("held").asLong()).isEqualTo(2);
        assertThat(done.get("registered").asLong()).isEqualTo(3);
        assertThat(done.get("unknownColumns").get(0).asString()).isEqualTo("kolom_tambahan");

        List<String> report = errorReport(uploadId);
        assertThat(report.get(0))
                .startsWith("\ufeffbaris,no,NIK,Nama Sesuai KTP")
                .endsWith("masalah,problems");
        assertThat(report).hasSize(3);
        assertThat(report.get(1)).startsWith("4,3,520201550890001").contains("15 digit");
        assertThat(report.get(2))
                .startsWith("5,4," + siti.get("nik"))
                .contains("baris 2")
                .contains("row 2");

        await().atMost(ofSeconds(60)).untilAsserted(() -> {
            assertThat(platform.stack().sms().messagesTo(ReturneeMother.phoneE164(siti)))
                    .extracting(AcceptedSms::text)
                    .anySatisfy(text -> assertThat(text).contains("terdaftar"));
            assertThat(platform.stack().sms().messagesTo(ReturneeMother.phoneE164(lalu)))
                    .isNotEmpty();
        });
        assertThat(platform.stack().sms().messagesTo(ReturneeMother.phoneE164(wrongSex)))
                .as("held, not registered")
                .isEmpty();

        JsonNode listed = platform.registration()
                .as(OfficerLogin.CLERK_NTB)
                .get("/api/returnees?provinceCode=52&uploadId=" + uploadId)
                .body();
        assertThat(listed.get("total").asLong()).isEqualTo(3);
        assertThat(listed.get("items")
                        .valueStream()
                        .filter(p -> p.get("tellInPerson").asBoolean()))
                .as("the person without a phone, to be told in person")
                .hasSize(1);
        assertThat(listed.get("items").get(0).get("nikMasked").asString()).contains("****");

        EventLog log = new EventLog(platform.stack().kafka().bootstrapServers());
        await().atMost(ofSeconds(30))
                .untilAsserted(() -> assertThat(log.cloudEvents(RegistrationTopics.EVENTS, uploadId.toString()))
                        .singleElement()
                        .satisfies(event -> {
                            assertThat(event.getType()).isEqualTo(UploadCompleted.EVENT_TYPE.type());
                            JsonNode counts = JSON.readTree(event.getData().toBytes());
                            assertThat(counts.get("rows").asLong()).isEqualTo(7);
                            assertThat(counts.get("accepted").asLong()
                                            + counts.get("rejected").asLong()
                                            + counts.get("held").asLong())
                                    .isEqualTo(7);
                        }));

        RegistrationApi.Response again = platform.registration().upload(file, "ntb-returnees.csv", "52");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("uploadId").asString()).isEqualTo(uploadId.toString());
        assertThat(platform.database()
                        .count("SELECT COUNT(*) FROM registration.returnee WHERE upload_id = ?", uploadId))
                .isEqualTo(3);
        assertThat(platform.database()
                        .count("SELECT COUNT(*) FROM registration.upload_row WHERE upload_id = ?", uploadId))
                .isEqualTo(7);

        reviewHeldRows(uploadId, wrongSex, livesInBali);
        listFiltersByStatus(uploadId, siti);
    }

    /**
     * The NTB clerk rejects the row whose sex contradicts the NIK (the clerk must correct it) and registers the
     * returnee who lives across the provincial border; each decision needs a reason, and a decided row cannot be
     * decided again. The decisions record the clerk's subject (from the token), which the error report names.
     */
    private static void reviewHeldRows(UUID uploadId, Map<String, Object> wrongSex, Map<String, Object> livesInBali)
            throws Exception {
        RegistrationApi registration = platform.registration().as(OfficerLogin.CLERK_NTB);
        String clerk = OfficerSubjects.of(OfficerLogin.CLERK_NTB);
        JsonNode queue = registration
                .get("/api/uploads/reviews?provinceCode=52&uploadId=" + uploadId)
                .body();
        assertThat(queue.get("total").asLong()).isEqualTo(2);
        List<JsonNode> held = queue.get("items").valueStream().toList();
        assertThat(held).extracting(i -> i.get("rowNumber").asLong()).containsExactly(6L, 8L);
        assertThat(held.get(0).get("problems").toString()).contains("NIK_SEX_MISMATCH");
        assertThat(held.get(1).get("problems").toString()).contains("OUTSIDE_UPLOADING_PROVINCE");
        assertThat(held.get(0).get("nikMasked").asString()).contains("****");

        assertThat(registration.review(uploadId, 6, "REJECT", " ").status())
                .as("a reason is mandatory")
                .isEqualTo(400);
        RegistrationApi.Response rejected = registration.review(
                uploadId, 6, "REJECT", "Jenis kelamin tidak sesuai KTP; kabupaten memperbaiki datanya");
        assertThat(rejected.status()).as("%s", rejected.body()).isEqualTo(200);
        assertThat(rejected.body().get("outcome").asString()).isEqualTo("REJECTED");
        RegistrationApi.Response registered = registration.review(
                uploadId,
                8,
                "REGISTER",
                "Tinggal sementara di Badung bersama keluarga; pembinaan tetap oleh Dinsos NTB");
        assertThat(registered.status()).as("%s", registered.body()).isEqualTo(200);
        assertThat(registered.body().get("outcome").asString()).isEqualTo("ACCEPTED");
        assertThat(registration.review(uploadId, 8, "REJECT", "keliru").status())
                .as("decided once")
                .isEqualTo(409);

        JsonNode counts = registration.uploadStatus(uploadId);
        assertThat(counts.get("accepted").asLong()).isEqualTo(4);
        assertThat(counts.get("rejected").asLong()).isEqualTo(3);
        assertThat(counts.get("held").asLong()).isZero();
        assertThat(counts.get("registered").asLong()).isEqualTo(4);
        assertThat(errorReport(uploadId))
                .anySatisfy(line -> assertThat(line)
                        .startsWith("6,5,")
                        .contains("Ditolak petugas " + clerk)
                        .contains("Rejected by officer " + clerk));

        await().atMost(ofSeconds(60))
                .untilAsserted(
                        () -> assertThat(platform.stack().sms().messagesTo(ReturneeMother.phoneE164(livesInBali)))
                                .extracting(AcceptedSms::text)
                                .anySatisfy(text -> assertThat(text).contains("terdaftar")));
        assertThat(platform.stack().sms().messagesTo(ReturneeMother.phoneE164(wrongSex)))
                .as("rejected, never registered")
                .isEmpty();
        EventLog log = new EventLog(platform.stack().kafka().bootstrapServers());
        await().atMost(ofSeconds(30))
                .untilAsserted(() -> assertThat(log.cloudEvents(RegistrationTopics.EVENTS, uploadId.toString()))
                        .filteredOn(event -> event.getType().equals(UploadRowReviewed.EVENT_TYPE.type()))
                        .hasSize(2));
    }

    /** Downstream progress comes back as the returnee's status: the list filters on it. */
    private static void listFiltersByStatus(UUID uploadId, Map<String, Object> siti) {
        String phone = ReturneeMother.phoneE164(siti);
        await().atMost(ofSeconds(90)).untilAsserted(() -> {
            JsonNode paid = platform.registration()
                    .get("/api/returnees?uploadId=" + uploadId + "&status=PAID")
                    .body();
            assertThat(paid.get("items")
                            .valueStream()
                            .map(i -> i.path("phoneE164").asString("")))
                    .contains(phone);
            assertThat(paid.get("items").valueStream().map(i -> i.get("status").asString()))
                    .containsOnly("PAID");
        });
        JsonNode registeredOnly = platform.registration()
                .get("/api/returnees?uploadId=" + uploadId + "&status=REGISTERED")
                .body();
        assertThat(registeredOnly
                        .get("items")
                        .valueStream()
                        .map(i -> i.path("phoneE164").asString("")))
                .doesNotContain(phone);
        assertThat(platform.registration()
                        .get("/api/returnees?status=SOMETHING")
                        .status())
                .isEqualTo(400);
    }

    /**
     * The same endpoint takes the clerk's Excel file: the phone and bank code typed as numbers, dates as real date
     * cells, and a NIK that Excel turned into a number (shown as 5.2E+15, its 16th digit lost) rejected with its own
     * explanation.
     */
    /** A desk registration passes exactly what a row of a list passes (issue 21): not just sixteen digits. */
    /**
     * A CSV saved by Excel from a sheet whose NIK column held numbers: every NIK lost its last digit to a 0. Refused as
     * a whole, saying why and what to do, and nobody registered under a NIK that may be someone else's.
     */
    @Test
    void aListWhoseNikColumnExcelDamagedIsRefusedWholeBeforeAnyoneIsRegistered() throws Exception {
        java.nio.file.Path list = java.nio.file.Files.createTempFile("excel-damaged", ".csv");
        new ReturneeListFile(new SyntheticReturnees(new java.util.Random(20261208))).write(list, 30);
        String damaged = java.nio.file.Files.readString(list)
                .lines()
                .map(line -> line.replaceFirst("^([^;]*;\\d{15})\\d;", "$10;"))
                .collect(java.util.stream.Collectors.joining("\r\n", "", "\r\n"));
        RegistrationApi.Response upload =
                platform.registration().upload(damaged.getBytes(StandardCharsets.UTF_8), "excel-damaged.csv", "52");
        assertThat(upload.status()).isEqualTo(202);
        UUID uploadId = UUID.fromString(upload.body().get("uploadId").asString());
        JsonNode done = await().atMost(ofSeconds(60))
                .until(
                        () -> platform.registration().uploadStatus(uploadId),
                        status -> !status.path("status").asString().equals("PROCESSING")
                                && !status.path("status").asString().equals("RECEIVED"));
        assertThat(done.get("status").asString()).isEqualTo("FAILED");
        assertThat(done.get("failure").asString())
                .contains("dirusak Excel")
                .contains("of 30 NIKs end in 0")
                .contains("no row was registered");
        assertThat(done.get("accepted").asLong()
                        + done.get("rejected").asLong()
                        + done.get("held").asLong())
                .isZero();
        assertThat(platform.database()
                        .count("SELECT COUNT(*) FROM registration.upload_row WHERE upload_id = ?", uploadId.toString()))
                .isZero();
    }

    @Test
    void aDeskRegistrationRunsTheRulesOfAnUploadedRow() {
        RegistrationApi desk = platform.registration();

        Map<String, Object> otherBirthDate = ReturneeMother.sitiAminahLombokTengah();
        otherBirthDate.put("birthDate", "1955-01-01"); // the NIK says another date
        assertProblem(desk.post(otherBirthDate), "NIK_BIRTH_DATE_MISMATCH", "REVIEW");

        Map<String, Object> impossibleDay = ReturneeMother.sitiAminahLombokTengah();
        String nik = (String) impossibleDay.get("nik");
        impossibleDay.put("nik", nik.substring(0, 6) + "75" + nik.substring(8)); // a woman's day 35
        assertProblem(desk.post(impossibleDay), "NIK_BIRTH_DATE_INVALID", "ERROR");

        Map<String, Object> unknownBank = ReturneeMother.sitiAminahLombokTengah();
        unknownBank.put("bankCode", "999");
        assertProblem(desk.post(unknownBank), "BANK_CODE_UNKNOWN", "ERROR");

        Map<String, Object> livesInBali = ReturneeMother.sitiAminahLombokTengah();
        livesInBali.put("regencyCode", "5171"); // Denpasar, registered by the NTB clerk as an NTB person
        assertThat(desk.post(livesInBali).status()).isEqualTo(422);

        Map<String, Object> siti = ReturneeMother.sitiAminahLombokTengah();
        String e164 = ReturneeMother.phoneE164(siti);
        siti.put("phone", "0812-" + ((String) siti.get("phone")).substring(4));
        RegistrationApi.Response registered = desk.post(siti);
        assertThat(registered.status()).as("%s", registered.body()).isEqualTo(201);
        await().atMost(ofSeconds(60))
                .untilAsserted(() -> assertThat(platform.sealedColumns().contactPhone(registered.beneficiaryId()))
                        .as("normalised as in a list")
                        .contains(e164));
    }

    private static void assertProblem(RegistrationApi.Response response, String code, String severity) {
        assertThat(response.status()).as("%s", response.body()).isEqualTo(422);
        assertThat(response.body().get("problems")).as("%s", response.body()).anySatisfy(problem -> {
            assertThat(problem.get("code").asString()).isEqualTo(code);
            assertThat(problem.get("severity").asString()).isEqualTo(severity);
            assertThat(problem.get("messageId").asString()).isNotBlank();
            assertThat(problem.get("messageEn").asString()).isNotBlank();
        });
    }

    @Test
    void anExcelWorkbookIsReadWithItsTypedNumbersAndDates() throws Exception {
        Map<String, Object> good = ReturneeMother.sitiAminahLombokTengah();
        Map<String, Object> damaged = ReturneeMother.laluZainiLombokTimur();
        String damagedNik = ((String) damaged.get("nik")).substring(0, 15) + "0";
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Daftar PMI NTB");
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(
                    workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            String[] header = {
                "No",
                "NIK",
                "Nama Sesuai KTP",
                "Jenis Kelamin",
                "Tanggal Lahir",
                "Kabupaten/Kota",
                "No HP",
                "Kategori",
                "Negara Tujuan",
                "Tanggal Kepulangan",
                "Kode Bank",
                "No Rekening",
                "Nama Pemilik Rekening",
                "Status DTKS",
                "Desil DTSEN",
                "Ikut Bimbingan"
            };
            Row head = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                head.createCell(i).setCellValue(header[i]);
            }
            excelRow(sheet, 1, good, (String) good.get("nik"), false, "P", "LOMBOK TENGAH", dateStyle);
            excelRow(sheet, 2, damaged, damagedNik, true, "L", "LOMBOK TIMUR", dateStyle);
            workbook.write(file);
        }

        RegistrationApi.Response response =
                platform.registration().upload(file.toByteArray(), "daftar-pmi-ntb.xlsx", "52");
        assertThat(response.status()).as("%s", response.body()).isEqualTo(202);
        UUID uploadId = UUID.fromString(response.body().get("uploadId").asString());
        JsonNode done = await().atMost(ofSeconds(60))
                .until(
                        () -> platform.registration().uploadStatus(uploadId),
                        s -> "COMPLETED".equals(s.get("status").asString()));
        assertThat(done.get("rowsTotal").asLong()).isEqualTo(2);
        assertThat(done.get("accepted").asLong()).isEqualTo(1);
        assertThat(done.get("rejected").asLong()).isEqualTo(1);
        List<String> report = errorReport(uploadId);
        assertThat(report).hasSize(2);
        // A 16-digit number in a General cell shows as 5.2E+15, as Excel shows it: the clerk is told to retype it as
        // text.
        assertThat(report.get(1)).startsWith("3,2,").contains("notasi ilmiah").contains("scientific notation");

        JsonNode listed = platform.registration()
                .get("/api/returnees?uploadId=" + uploadId)
                .body();
        assertThat(listed.get("total").asLong()).isEqualTo(1);
        JsonNode siti = listed.get("items").get(0);
        assertThat(siti.get("phoneE164").asString())
                .as("typed as a number, leading 0 lost")
                .isEqualTo(ReturneeMother.phoneE164(good));
        assertThat(siti.get("regencyCode").asString()).isEqualTo("5202");
        assertThat(platform.database()
                        .count(
                                "SELECT dtsen_decile FROM registration.returnee WHERE beneficiary_id = ?",
                                siti.get("beneficiaryId").asString()))
                .as("the DTSEN decile, typed as a number")
                .isEqualTo(3);
    }

    private static void excelRow(
            Sheet sheet,
            int index,
            Map<String, Object> r,
            String nik,
            boolean nikAsNumber,
            String sex,
            String regency,
            CellStyle dateStyle) {
        Row row = sheet.createRow(index);
        row.createCell(0).setCellValue(index);
        if (nikAsNumber) {
            row.createCell(1).setCellValue(Double.parseDouble(nik));
        } else {
            row.createCell(1).setCellValue(nik);
        }
        row.createCell(2).setCellValue((String) r.get("fullName"));
        row.createCell(3).setCellValue(sex);
        Cell birth = row.createCell(4);
        birth.setCellValue(LocalDate.parse((String) r.get("birthDate")));
        birth.setCellStyle(dateStyle);
        row.createCell(5).setCellValue(regency);
        row.createCell(6).setCellValue(Double.parseDouble((String) r.get("phone"))); // Excel drops the leading 0
        row.createCell(7).setCellValue((String) r.get("category"));
        row.createCell(8).setCellValue("MY");
        Cell returned = row.createCell(9);
        returned.setCellValue(LocalDate.of(2019, 9, 2));
        returned.setCellStyle(dateStyle);
        row.createCell(10).setCellValue(Double.parseDouble((String) r.get("bankCode"))); // 002 typed as the number 2
        row.createCell(11).setCellValue((String) r.get("accountNumber"));
        row.createCell(12).setCellValue((String) r.get("accountHolderName"));
        row.createCell(13).setCellValue("YA");
        row.createCell(14).setCellValue(3); // a decile typed as a number
        row.createCell(15).setCellValue("YA");
    }

    /**
     * A file over an upload limit is refused at once, whole, with the limit named (nothing of it is kept); a cell that
     * a spreadsheet would run as a formula comes back in the error report as text behind an apostrophe.
     */
    @Test
    void filesOverALimitAreRefusedWholeAndFormulasComeBackAsText() throws Exception {
        String header =
                "no;NIK;Nama Sesuai KTP;jenis_kelamin;tanggal_lahir;kabupaten_kota;no_hp;kategori;negara_tujuan;"
                        + "tanggal_kepulangan;sumber_rujukan;kode_bank;no_rekening;nama_pemilik_rekening;status_dtks;desil_dtsen;ikut_bimbingan;kolom_tambahan\r\n";
        Map<String, Object> siti = ReturneeMother.sitiAminahLombokTengah();
        long uploadsBefore = platform.database().count("SELECT COUNT(*) FROM registration.upload");

        String formula = "=HYPERLINK(\"http://evil.example/\",\"klik\")";
        String hostile = header
                + line(1, siti, "5202015508", "P", "LOMBOK TENGAH", "+6281234567890")
                        .replace("SITI AMINAH", formula);
        RegistrationApi.Response accepted =
                platform.registration().upload(hostile.getBytes(StandardCharsets.UTF_8), "formula.csv", "52");
        assertThat(accepted.status()).as("%s", accepted.body()).isEqualTo(202);
        UUID uploadId = UUID.fromString(accepted.body().get("uploadId").asString());
        await().atMost(ofSeconds(60))
                .until(
                        () -> platform.registration().uploadStatus(uploadId),
                        s -> "COMPLETED".equals(s.get("status").asString()));
        List<CSVRecord> report;
        try (CSVParser parser = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .get()
                .parse(new StringReader(String.join("\n", errorReport(uploadId)).substring(1)))) {
            report = parser.getRecords();
        }
        assertThat(report).singleElement().satisfies(row -> {
            assertThat(row.get("Nama Sesuai KTP")).isEqualTo("'" + formula);
            assertThat(row.get("no_hp")).isEqualTo("'+6281234567890");
            assertThat(row.get("NIK")).isEqualTo("5202015508");
        });

        assertRefused(
                header.replace("kolom_tambahan", "kolom_tambahan;" + "x;".repeat(90) + "y")
                        + line(1, siti, (String) siti.get("nik"), "P", "LOMBOK TENGAH", (String) siti.get("phone")),
                400,
                "columns",
                "registration.upload.limits.max-columns");
        assertRefused(
                header
                        + line(1, siti, (String) siti.get("nik"), "P", "LOMBOK TENGAH", (String) siti.get("phone"))
                                .replace("catatan", "c".repeat(1_001)),
                400,
                "cell_length",
                "registration.upload.limits.max-cell-length");
        String big = header
                + line(1, siti, (String) siti.get("nik"), "P", "LOMBOK TENGAH", (String) siti.get("phone"))
                        .replace("catatan", "c".repeat(900))
                        .repeat(57_000); // 51 MB
        assertRefused(big, 413, "file_size", "registration.upload.limits.max-file-size");

        assertThat(platform.database().count("SELECT COUNT(*) FROM registration.upload"))
                .as("only the formula file is an upload")
                .isEqualTo(uploadsBefore + 1);
    }

    private static void assertRefused(String csv, int status, String limit, String setting) {
        RegistrationApi.Response refused =
                platform.registration().upload(csv.getBytes(StandardCharsets.UTF_8), "list.csv", "52");
        assertThat(refused.status()).as("%s", refused.body()).isEqualTo(status);
        assertThat(refused.body().get("limit").asString()).isEqualTo(limit);
        assertThat(refused.body().get("setting").asString()).isEqualTo(setting);
        assertThat(refused.body().get("detail").asString()).contains(" / ");
    }

    private static String line(int no, Map<String, Object> r, String nik, String sex, String regency, String phone) {
        String birth =
                (String) r.get("birthDate"); // ISO yyyy-MM-dd; the clerk's DD-MM-YYYY is used for the return date
        return String.join(
                        ";",
                        String.valueOf(no),
                        nik,
                        (String) r.get("fullName"),
                        sex,
                        birth,
                        regency,
                        phone,
                        (String) r.get("category"),
                        "MY",
                        "02-09-2019",
                        "BP3MI",
                        (String) r.get("bankCode"),
                        (String) r.get("accountNumber"),
                        (String) r.get("accountHolderName"),
                        "YA",
                        "2",
                        "YA",
                        "catatan")
                + "\r\n";
    }

    /** The error report as the NTB clerk downloads it (read as UTF-8 whatever the response says). */
    private static List<String> errorReport(UUID uploadId) throws Exception {
        ServiceApi clerk = platform.api(PlatformService.REGISTRATION, OfficerLogin.CLERK_NTB);
        HttpResponse<String> response = HTTP.send(
                clerk.request("/api/uploads/" + uploadId + "/error-report")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body().lines().toList();
    }
}
