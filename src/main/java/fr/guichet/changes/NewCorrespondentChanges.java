package fr.guichet.changes;

import fr.guichet.account.AccountId;
import fr.guichet.helpdesk.CorrespondentKind;
import fr.guichet.helpdesk.CorrespondentSites;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.organization.OrganizationId;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * A newcomer named correspondent. He must already have an account and be a confirmed member of the
 * establishment: checked when asked, and again when applied (he may have left meanwhile).
 */
@Component
class NewCorrespondentChanges implements Chapter {

    private final CorrespondentSites reference;
    private final ChangeWords words;
    private final ObjectMapper json;

    NewCorrespondentChanges(CorrespondentSites reference, ChangeWords words, ObjectMapper json) {
        this.reference = reference;
        this.words = words;
        this.json = json;
    }

    @Override
    public ChangeKind kind() {
        return ChangeKind.NEW_CORRESPONDENT;
    }

    Draft draft(
            OrganizationId establishment,
            ProductId product,
            @Nullable String email,
            @Nullable CorrespondentKind correspondentKind,
            @Nullable String contactEmail) {
        var address = Inputs.email(email, "changes.naming.email");
        if (address == null) {
            throw new ChangeRefusal("changes.field.required", Inputs.label("changes.naming.email"));
        }
        if (correspondentKind == null) {
            throw new ChangeRefusal("changes.naming.kind.required");
        }
        var contact = Inputs.email(contactEmail, "changes.contact.email");
        var newcomer = reference.candidate(establishment, product, address, correspondentKind);
        var naming = Naming.of(newcomer, contact, true);
        return new Draft(kind(), establishment, product, naming.about(), null, json.writeValueAsString(naming));
    }

    @Override
    public boolean stillAsAsked(ChangeRequest request) {
        var newcomer = read(request.after());
        return reference.lockNamed(request.establishment(), Objects.requireNonNull(request.product())).stream()
                .noneMatch(newcomer::is);
    }

    @Override
    public void apply(AccountId agent, ChangeRequest request) {
        var newcomer = read(request.after());
        reference.addCorrespondent(
                agent,
                request.establishment(),
                Objects.requireNonNull(request.product()),
                newcomer.email(),
                newcomer.kind(),
                newcomer.contactEmail());
    }

    @Override
    public String describe(String data, Locale locale) {
        return read(data).describe(words, locale);
    }

    Naming read(String data) {
        return json.readValue(data, Naming.class);
    }
}
