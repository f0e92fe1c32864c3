package fr.guichet.documents;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.shared.NotFoundException;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.Mails;
import fr.guichet.support.People;
import fr.guichet.support.TestSmtp;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
@Tag("smoke")
@Import(DocumentSpacesTest.TestSpaces.class)
@TestPropertySource(properties = "guichet.documents.space-links.test=/tests/{id}/documents")
class DocumentSpacesTest {

    static final String KIND = "test";

    /** Spaces of the kind "test": who reads and who writes each is decided by two sets per owner. */
    @TestConfiguration(proxyBeanMethods = false)
    static class TestSpaces {

        @Bean
        TestAudience testAudience() {
            return new TestAudience();
        }
    }

    static class TestAudience implements DocumentAudience {

        final Map<Long, Set<AccountId>> readers = new ConcurrentHashMap<>();
        final Map<Long, Set<AccountId>> writers = new ConcurrentHashMap<>();

        @Override
        public String ownerKind() {
            return KIND;
        }

        @Override
        public Optional<String> ownerName(long ownerId, Locale locale) {
            return readers.containsKey(ownerId) ? Optional.of("Espace " + ownerId) : Optional.empty();
        }

        @Override
        public boolean mayRead(AccountId person, long ownerId) {
            return readers.getOrDefault(ownerId, Set.of()).contains(person);
        }

        @Override
        public boolean mayWrite(AccountId person, long ownerId) {
            return writers.getOrDefault(ownerId, Set.of()).contains(person);
        }

        @Override
        public List<AccountId> readers(long ownerId) {
            return List.copyOf(readers.getOrDefault(ownerId, Set.of()));
        }
    }

    @RegisterExtension
    static GreenMailExtension greenMail = TestSmtp.server();

    static final AtomicLong owners = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    /** Made once: hashing passwords is slow, and each test has a space of its own. */
    static AccountId reader;

    static AccountId stranger;
    static AccountId staff;

    @Autowired
    DocumentSpaces spaces;

    @Autowired
    TestAudience audience;

    @Autowired
    Accounts accounts;

    @Autowired
    DocumentRepository documents;

    @Autowired
    DiskFileStore files;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    long space;

    @BeforeEach
    void space() {
        if (reader == null) {
            reader = person();
            stranger = person();
            staff = person();
        }
        space = owners.incrementAndGet();
        audience.readers.put(space, ConcurrentHashMap.newKeySet());
        audience.writers.put(space, ConcurrentHashMap.newKeySet());
        audience.readers.get(space).add(reader);
        audience.writers.get(space).add(staff);
    }

    @Test
    void aReaderListsAndDownloadsAndEachDownloadCounts() throws Exception {
        var pdf = TestFiles.pdf("guide");
        var id = add(Area.ESTABLISHMENTS, Family.TECHNICAL, "Installation", "Guide d’installation", "guide.pdf", pdf);

        var seen = spaces.space(reader, KIND, space, Locale.FRENCH);

        assertThat(seen.ownerName()).isEqualTo("Espace " + space);
        assertThat(seen.mayWrite()).isFalse();
        assertThat(seen.subscribed()).isTrue();
        var entry = only(seen, Area.ESTABLISHMENTS, Family.TECHNICAL, "Installation");
        assertThat(entry.id()).isEqualTo(id);
        assertThat(entry.title()).isEqualTo("Guide d’installation");
        assertThat(entry.version()).isEqualTo(1);
        assertThat(entry.fileName()).isEqualTo("guide.pdf");
        assertThat(entry.size()).isEqualTo(pdf.length);
        assertThat(entry.contentType()).isEqualTo("application/pdf");
        assertThat(entry.uploadedAt()).isNotNull();
        assertThat(entry.downloads()).isZero();

        var download = spaces.download(reader, KIND, space, id);
        assertThat(download.fileName()).isEqualTo("guide.pdf");
        assertThat(download.contentType()).isEqualTo("application/pdf");
        assertThat(download.size()).isEqualTo(pdf.length);
        assertThat(bytes(download)).isEqualTo(pdf);
        spaces.download(reader, KIND, space, id);

        assertThat(only(
                                spaces.space(reader, KIND, space, Locale.FRENCH),
                                Area.ESTABLISHMENTS,
                                Family.TECHNICAL,
                                "Installation")
                        .downloads())
                .isEqualTo(2);
    }

    @Test
    void aFileNameLosesItsInvisibleCharactersEvenIfStoredBeforeTheyWereLeftOut() throws Exception {
        var id = add(
                Area.SOLUTION,
                Family.SUPPORT,
                "",
                "Plan de reprise",
                "C:\\docs\\plan\u0000\u202Efdp.pdf",
                TestFiles.pdf("plan"));

        assertThat(only(spaces.space(reader, KIND, space, Locale.FRENCH), Area.SOLUTION, Family.SUPPORT, "")
                        .fileName())
                .isEqualTo("planfdp.pdf");
        assertThat(spaces.download(reader, KIND, space, id).fileName()).isEqualTo("planfdp.pdf");

        jdbc.sql("update document_version set file_name = ? where document_id = ?")
                .params("plan\u202Efdp\u2066.exe", id.value())
                .update();
        assertThat(spaces.download(reader, KIND, space, id).fileName()).isEqualTo("planfdp.exe");
        assertThat(only(spaces.space(reader, KIND, space, Locale.FRENCH), Area.SOLUTION, Family.SUPPORT, "")
                        .fileName())
                .isEqualTo("planfdp.exe");
    }

    @Test
    void aLargeFileTravelsAsAStreamBothWays() throws Exception {
        var size = 10L * 1024 * 1024;
        var upload = new GeneratedPdf(size);
        var id =
                spaces.add(staff, KIND, space, Area.SOLUTION, Family.TECHNICAL, "", "Gros fichier", "gros.pdf", upload);

        var download = spaces.download(reader, KIND, space, id);

        assertThat(download.size()).isEqualTo(size);
        var digest = MessageDigest.getInstance("SHA-256");
        try (var in = new DigestInputStream(download.open(), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        assertThat(HexFormat.of().formatHex(digest.digest()))
                .isEqualTo(upload.sha256())
                .isEqualTo(download.sha256());
        spaces.remove(staff, KIND, space, id);
    }

    /** A PDF header then filler, made as it is read: the test holds no copy of it either. */
    static class GeneratedPdf extends InputStream {

        private final byte[] header = "%PDF-1.4\n".getBytes(StandardCharsets.ISO_8859_1);
        private final long size;
        private final MessageDigest digest;
        private long position;

        GeneratedPdf(long size) throws NoSuchAlgorithmException {
            this.size = size;
            this.digest = MessageDigest.getInstance("SHA-256");
        }

        @Override
        public int read() {
            if (position >= size) {
                return -1;
            }
            var b = position < header.length ? header[(int) position] : (byte) ('a' + position % 26);
            position++;
            digest.update(b);
            return b & 0xff;
        }

        String sha256() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    @Test
    void whoMayNotReadIsToldThereIsNothing() throws Exception {
        var id = add(Area.SOLUTION, Family.BUSINESS, "", "Contrat", "contrat.pdf", TestFiles.pdf("contrat"));

        assertThatThrownBy(() -> spaces.space(stranger, KIND, space, Locale.FRENCH))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> spaces.download(stranger, KIND, space, id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> spaces.add(
                        stranger,
                        KIND,
                        space,
                        Area.SOLUTION,
                        Family.BUSINESS,
                        "",
                        "X",
                        "x.pdf",
                        stream(TestFiles.pdf("x"))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> spaces.remove(stranger, KIND, space, id)).isInstanceOf(NotFoundException.class);
        // nor is a document reached through another space, an unknown owner or an unknown kind
        var other = owners.incrementAndGet();
        audience.readers.put(other, Set.of(reader));
        assertThatThrownBy(() -> spaces.download(reader, KIND, other, id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> spaces.space(reader, KIND, owners.incrementAndGet(), Locale.FRENCH))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> spaces.space(reader, "nothing", space, Locale.FRENCH))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> spaces.download(reader, KIND, space, new DocumentId(Long.MAX_VALUE)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aReaderMayNotChangeTheSpace() throws Exception {
        var id = add(Area.SOLUTION, Family.TRAINING, "", "Support de formation", "formation.pdf", TestFiles.pdf("f"));

        assertThatThrownBy(() -> spaces.add(
                        reader,
                        KIND,
                        space,
                        Area.SOLUTION,
                        Family.TRAINING,
                        "",
                        "Autre",
                        "autre.pdf",
                        stream(TestFiles.pdf("autre"))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> spaces.replace(reader, KIND, space, id, "v2.pdf", stream(TestFiles.pdf("v2"))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> spaces.remove(reader, KIND, space, id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> spaces.versions(reader, KIND, space, id)).isInstanceOf(AccessDeniedException.class);
        assertThat(spaces.space(reader, KIND, space, Locale.FRENCH).areas())
                .flatExtracting(DocumentSpace.AreaShelf::families)
                .hasSize(1);
    }

    @Test
    void thePartnersAreaIsTheStaffsOnly() throws Exception {
        var id = add(Area.PARTNERS, Family.BUSINESS, "", "Convention partenaire", "convention.pdf", TestFiles.pdf("p"));

        assertThat(spaces.space(reader, KIND, space, Locale.FRENCH).areas())
                .extracting(DocumentSpace.AreaShelf::area)
                .containsExactly(Area.ESTABLISHMENTS, Area.SOLUTION);
        assertThatThrownBy(() -> spaces.download(reader, KIND, space, id)).isInstanceOf(NotFoundException.class);

        var staffView = spaces.space(staff, KIND, space, Locale.FRENCH);
        assertThat(staffView.mayWrite()).isTrue();
        assertThat(staffView.subscribed())
                .as("staff who only write are not mailed")
                .isFalse();
        assertThat(staffView.areas()).extracting(DocumentSpace.AreaShelf::area).containsExactly(Area.values());
        assertThat(only(staffView, Area.PARTNERS, Family.BUSINESS, "").id()).isEqualTo(id);
    }

    @Test
    void replacingKeepsTheOlderVersionsForTheStaff() throws Exception {
        var first = TestFiles.pdf("version un");
        var second = TestFiles.png();
        var id = add(Area.ESTABLISHMENTS, Family.FUNCTIONAL, "", "Notice", "notice.pdf", first);

        assertThat(spaces.replace(staff, KIND, space, id, "notice.png", stream(second)))
                .isEqualTo(2);

        var entry = only(spaces.space(reader, KIND, space, Locale.FRENCH), Area.ESTABLISHMENTS, Family.FUNCTIONAL, "");
        assertThat(entry.version()).isEqualTo(2);
        assertThat(entry.fileName()).isEqualTo("notice.png");
        assertThat(entry.contentType()).isEqualTo("image/png");
        assertThat(bytes(spaces.download(reader, KIND, space, id))).isEqualTo(second);
        assertThat(bytes(spaces.download(staff, KIND, space, id, 1))).isEqualTo(first);
        assertThat(bytes(spaces.download(reader, KIND, space, id, 2))).isEqualTo(second);
        assertThatThrownBy(() -> spaces.download(reader, KIND, space, id, 1)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> spaces.download(staff, KIND, space, id, 3)).isInstanceOf(NotFoundException.class);
        assertThat(spaces.versions(staff, KIND, space, id))
                .extracting(FileVersion::number, FileVersion::fileName, FileVersion::current)
                .containsExactly(Tuple.tuple(1, "notice.pdf", false), Tuple.tuple(2, "notice.png", true));
    }

    @Test
    void removingDeletesTheDocumentItsVersionsAndTheirFiles() throws Exception {
        var id = add(Area.SOLUTION, Family.SUPPORT, "FAQ", "Questions", "faq.pdf", TestFiles.pdf("faq"));
        spaces.replace(staff, KIND, space, id, "faq2.pdf", stream(TestFiles.pdf("faq 2")));
        var keys = transactions.execute(
                tx -> documents.findById(id.value()).orElseThrow().storageKeys());
        assertThat(keys).hasSize(2).allMatch(files::exists);

        spaces.remove(staff, KIND, space, id);

        assertThat(keys).noneMatch(files::exists);
        assertThat(documents.findById(id.value())).isEmpty();
        assertThat(jdbc.sql("select count(*) from document_version where document_id = ?")
                        .param(id.value())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThatThrownBy(() -> spaces.download(reader, KIND, space, id)).isInstanceOf(NotFoundException.class);
        assertThat(spaces.space(reader, KIND, space, Locale.FRENCH).areas())
                .allSatisfy(area -> assertThat(area.families()).isEmpty());
    }

    @Test
    void badDetailsOrFilesChangeNothing() throws Exception {
        assertThatThrownBy(() -> spaces.add(
                        staff,
                        KIND,
                        space,
                        Area.SOLUTION,
                        Family.SUPPORT,
                        "",
                        " ",
                        "x.pdf",
                        stream(TestFiles.pdf("x"))))
                .isInstanceOf(DocumentRefusal.class)
                .hasMessage("documents.title.required");
        assertThatThrownBy(() -> spaces.add(
                        staff,
                        KIND,
                        space,
                        Area.SOLUTION,
                        Family.SUPPORT,
                        "d".repeat(201),
                        "X",
                        "x.pdf",
                        stream(TestFiles.pdf("x"))))
                .isInstanceOf(DocumentRefusal.class)
                .hasMessage("documents.folder.too-long");
        assertThatThrownBy(() -> spaces.add(
                        staff,
                        KIND,
                        space,
                        Area.SOLUTION,
                        Family.SUPPORT,
                        "",
                        "Vide",
                        "vide.pdf",
                        InputStream.nullInputStream()))
                .isInstanceOfSatisfying(
                        FileRefused.class,
                        refused -> assertThat(refused.reason()).isEqualTo(FileRefused.Reason.EMPTY));
        assertThatThrownBy(() -> spaces.add(
                        staff,
                        KIND,
                        space,
                        Area.SOLUTION,
                        Family.SUPPORT,
                        "",
                        "Programme",
                        "x.pdf",
                        stream(TestFiles.windowsExecutable())))
                .isInstanceOfSatisfying(
                        FileRefused.class,
                        refused -> assertThat(refused.reason()).isEqualTo(FileRefused.Reason.TYPE_NOT_ALLOWED));
        assertThat(spaces.space(staff, KIND, space, Locale.FRENCH).areas())
                .allSatisfy(area -> assertThat(area.families()).isEmpty());
    }

    @Test
    void eachSubscriberGetsOneMailPerNewFileAndWhoUnsubscribedNone() throws Exception {
        var first = personWithEmail();
        var second = personWithEmail();
        var unsubscribed = personWithEmail();
        audience.readers.get(space).remove(reader);
        var notified = List.of(first, second);
        notified.forEach(p -> audience.readers.get(space).add(p.id()));
        audience.readers.get(space).add(unsubscribed.id());
        spaces.subscribe(unsubscribed.id(), KIND, space, false);
        spaces.subscribe(unsubscribed.id(), KIND, space, false);
        assertThat(spaces.space(unsubscribed.id(), KIND, space, Locale.FRENCH).subscribed())
                .isFalse();
        var title = "Calendrier " + UUID.randomUUID();

        add(Area.SOLUTION, Family.BUSINESS, "", title, "calendrier.pdf", TestFiles.pdf("calendrier"));

        for (var person : notified) {
            var mail = Mails.awaitFirst(greenMail, person.email());
            assertThat(mail.getSubject()).isEqualTo("Guichet : un nouveau document est disponible");
            assertThat(Mails.body(mail))
                    .contains(title)
                    .contains("Espace " + space)
                    .contains("http://localhost:8080/tests/" + space + "/documents");
        }
        // all of one file's mails are written at once: once these are there, every one is
        for (var person : notified) {
            assertThat(mailsAbout(title, person.email())).isEqualTo(1);
        }
        assertThat(mailsAbout(title, unsubscribed.email())).isZero();
        assertThat(mailsAbout(title, "%")).isEqualTo(2);

        // a new version is not a new file; a file in the staff's area is news to no reader
        var id = transactions.execute(tx -> documents.findAll().stream()
                .filter(d -> d.title().equals(title))
                .findFirst()
                .orElseThrow()
                .id());
        spaces.replace(staff, KIND, space, id, "calendrier-2.pdf", stream(TestFiles.pdf("calendrier 2")));
        add(Area.PARTNERS, Family.BUSINESS, "", "Partenaires " + title, "p.pdf", TestFiles.pdf("p"));
        var next = "Suivant " + UUID.randomUUID();
        add(Area.ESTABLISHMENTS, Family.BUSINESS, "", next, "suivant.pdf", TestFiles.pdf("suivant"));
        await().atMost(Duration.ofSeconds(20)).until(() -> mailsAbout(next, first.email()) == 1);
        assertThat(mailsAbout(title, "%")).isEqualTo(2);

        spaces.subscribe(unsubscribed.id(), KIND, space, true);
        assertThat(spaces.space(unsubscribed.id(), KIND, space, Locale.FRENCH).subscribed())
                .isTrue();
    }

    record Person(AccountId id, String email) {}

    private Person personWithEmail() {
        var email = People.uniqueEmail();
        return new Person(
                accounts.createVerified(email, Civility.MADAME, "Lectrice", "Abonnée", null, false, GOOD_PASSWORD),
                email);
    }

    private AccountId person() {
        return personWithEmail().id();
    }

    /** Outbox rows, sent or not, whose text names this title (recipient a LIKE pattern). */
    private long mailsAbout(String title, String recipient) {
        return jdbc.sql("select count(*) from outbox_message where recipient like ? and body like ?")
                .param(recipient)
                .param("%" + title + "%")
                .query(Long.class)
                .single();
    }

    private DocumentId add(Area area, Family family, String folder, String title, String fileName, byte[] content)
            throws IOException {
        return spaces.add(staff, KIND, space, area, family, folder, title, fileName, stream(content));
    }

    private static DocumentSpace.Entry only(DocumentSpace space, Area area, Family family, String folder) {
        var shelf =
                space.areas().stream().filter(a -> a.area() == area).findFirst().orElseThrow();
        assertThat(shelf.families())
                .extracting(DocumentSpace.FamilyShelf::family)
                .containsExactly(family);
        var folders = shelf.families().get(0).folders();
        assertThat(folders).extracting(DocumentSpace.Folder::name).containsExactly(folder);
        assertThat(folders.get(0).documents()).hasSize(1);
        return folders.get(0).documents().get(0);
    }

    private static InputStream stream(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    private static byte[] bytes(DocumentDownload download) throws IOException {
        try (var in = download.open()) {
            return in.readAllBytes();
        }
    }
}
