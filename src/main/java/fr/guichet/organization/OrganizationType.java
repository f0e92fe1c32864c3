package fr.guichet.organization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

@Entity
@Table(name = "organization_type")
class OrganizationType {

    @Id
    private String code;

    @Column(name = "label_fr")
    private String labelFr;

    @Column(name = "label_en")
    private String labelEn;

    private int position;

    @OneToMany(fetch = FetchType.EAGER)
    @JoinColumn(name = "type_code", insertable = false, updatable = false)
    @OrderBy("position")
    private List<OrganizationTypeRole> roles = new ArrayList<>();

    protected OrganizationType() {}

    OrganizationType(String code, String labelFr, String labelEn, int position) {
        this.code = code;
        this.labelFr = labelFr;
        this.labelEn = labelEn;
        this.position = position;
    }

    OrganizationTypeView view(Locale locale) {
        var english = Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
        return new OrganizationTypeView(
                code,
                english ? labelEn : labelFr,
                roles.stream().map(r -> r.view(english)).toList());
    }
}
