package fr.guichet.changes;

import static fr.guichet.changes.ChangeWords.field;

import fr.guichet.account.AccountId;
import fr.guichet.helpdesk.CorrespondentSites;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.organization.OrganizationId;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * How the requester is reached as the product's correspondent: unlike a member's own account data,
 * the agency checks these, since every message about the product goes there (often a team's
 * generic address).
 */
@Component
class ContactChanges implements Chapter {

    record Contact(@Nullable String contactEmail, @Nullable String contactPhone) {}

    private final CorrespondentSites reference;
    private final ChangeWords words;
    private final ObjectMapper json;

    ContactChanges(CorrespondentSites reference, ChangeWords words, ObjectMapper json) {
        this.reference = reference;
        this.words = words;
        this.json = json;
    }

    @Override
    public ChangeKind kind() {
        return ChangeKind.CORRESPONDENT_DATA;
    }

    /** His contact for the site now, none if he is not named there. */
    Optional<Contact> current(AccountId person, OrganizationId establishment, ProductId product) {
        return reference.named(establishment, product).stream()
                .filter(n -> n.person().equals(person))
                .findFirst()
                .map(n -> new Contact(n.contactEmail(), n.contactPhone()));
    }

    Draft draft(AccountId person, OrganizationId establishment, ProductId product, Contact wanted) {
        var checked = new Contact(
                Inputs.email(wanted.contactEmail(), "changes.contact.email"),
                Inputs.phone(wanted.contactPhone(), "changes.contact.phone"));
        var now = current(person, establishment, product).orElse(new Contact(null, null));
        return new Draft(
                kind(),
                establishment,
                product,
                String.valueOf(person.value()),
                json.writeValueAsString(now),
                json.writeValueAsString(checked));
    }

    @Override
    public boolean stillAsAsked(ChangeRequest request) {
        var now = reference.lockNamed(request.establishment(), Objects.requireNonNull(request.product())).stream()
                .filter(n -> n.person().equals(request.requester()))
                .findFirst()
                .map(n -> new Contact(n.contactEmail(), n.contactPhone()));
        return now.isPresent() && now.get().equals(read(Objects.requireNonNull(request.before())));
    }

    @Override
    public void apply(AccountId agent, ChangeRequest request) {
        var wanted = read(request.after());
        reference.changeContact(
                agent,
                request.establishment(),
                Objects.requireNonNull(request.product()),
                request.requester(),
                wanted.contactEmail(),
                wanted.contactPhone());
    }

    @Override
    public String describe(String data, Locale locale) {
        var contact = read(data);
        return words.fields(
                locale,
                field("changes.contact.email", contact.contactEmail()),
                field("changes.contact.phone", contact.contactPhone()));
    }

    Contact read(String data) {
        return json.readValue(data, Contact.class);
    }
}
