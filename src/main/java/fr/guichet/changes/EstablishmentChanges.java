package fr.guichet.changes;

import static fr.guichet.changes.ChangeWords.field;

import fr.guichet.account.AccountId;
import fr.guichet.organization.OrganizationDetails;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.OrganizationView;
import fr.guichet.organization.Organizations;
import fr.guichet.shared.NotFoundException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * The establishment's website, address and phones. Its name is the agency's to change, not a
 * correspondent's: it stays as it is.
 */
@Component
class EstablishmentChanges implements Chapter {

    record Details(
            @Nullable String address,
            @Nullable String postalCode,
            @Nullable String city,
            @Nullable String phone,
            @Nullable String fax,
            @Nullable String website) {

        static Details of(OrganizationDetails details) {
            return new Details(
                    blankToNull(details.address()),
                    blankToNull(details.postalCode()),
                    blankToNull(details.city()),
                    blankToNull(details.phone()),
                    blankToNull(details.fax()),
                    blankToNull(details.website()));
        }

        private static @Nullable String blankToNull(@Nullable String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    private final Organizations organizations;
    private final ChangeWords words;
    private final ObjectMapper json;

    EstablishmentChanges(Organizations organizations, ChangeWords words, ObjectMapper json) {
        this.organizations = organizations;
        this.words = words;
        this.json = json;
    }

    @Override
    public ChangeKind kind() {
        return ChangeKind.ESTABLISHMENT_DATA;
    }

    Details current(OrganizationId establishment) {
        return Details.of(establishment(establishment).details());
    }

    Draft draft(OrganizationId establishment, Details wanted) {
        var checked = new Details(
                Inputs.text(wanted.address(), 255, "changes.establishment.address"),
                Inputs.text(wanted.postalCode(), 10, "changes.establishment.postal-code"),
                Inputs.text(wanted.city(), 100, "changes.establishment.city"),
                Inputs.phone(wanted.phone(), "changes.establishment.phone"),
                Inputs.phone(wanted.fax(), "changes.establishment.fax"),
                Inputs.website(wanted.website(), "changes.establishment.website"));
        return new Draft(
                kind(),
                establishment,
                null,
                "-",
                json.writeValueAsString(current(establishment)),
                json.writeValueAsString(checked));
    }

    @Override
    public boolean stillAsAsked(ChangeRequest request) {
        var before = request.before();
        var now = organizations.lock(request.establishment()).map(o -> Details.of(o.details()));
        return before != null && now.isPresent() && now.get().equals(read(before));
    }

    @Override
    public void apply(AccountId agent, ChangeRequest request) {
        var wanted = read(request.after());
        var name = establishment(request.establishment()).name();
        organizations.change(
                request.establishment(),
                new OrganizationDetails(
                        name,
                        wanted.address(),
                        wanted.postalCode(),
                        wanted.city(),
                        wanted.phone(),
                        wanted.fax(),
                        wanted.website()));
    }

    @Override
    public String describe(String data, Locale locale) {
        var details = read(data);
        return words.fields(
                locale,
                field("changes.establishment.website", details.website()),
                field("changes.establishment.address", details.address()),
                field("changes.establishment.postal-code", details.postalCode()),
                field("changes.establishment.city", details.city()),
                field("changes.establishment.phone", details.phone()),
                field("changes.establishment.fax", details.fax()));
    }

    private OrganizationView establishment(OrganizationId id) {
        return organizations.find(id).filter(OrganizationView::establishment).orElseThrow(NotFoundException::new);
    }

    Details read(String data) {
        return json.readValue(data, Details.class);
    }
}
