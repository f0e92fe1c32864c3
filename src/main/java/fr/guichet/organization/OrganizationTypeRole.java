package fr.guichet.organization;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;

@Entity
@Table(name = "organization_type_role")
class OrganizationTypeRole {

    @Embeddable
    record Key(
            @Column(name = "type_code") String typeCode,
            @Column(name = "service_code") String serviceCode,
            @Column(name = "role_code") String roleCode)
            implements Serializable {}

    @EmbeddedId
    private Key key;

    @Column(name = "label_fr")
    private String labelFr;

    @Column(name = "label_en")
    private String labelEn;

    @Column(name = "description_fr")
    private String descriptionFr;

    @Column(name = "description_en")
    private String descriptionEn;

    private int position;

    protected OrganizationTypeRole() {}

    OrganizationTypeRole(String typeCode, NewRole role, int position) {
        this.key = new Key(typeCode, role.serviceCode(), role.code());
        this.labelFr = role.labelFr();
        this.labelEn = role.labelEn();
        this.descriptionFr = role.descriptionFr();
        this.descriptionEn = role.descriptionEn();
        this.position = position;
    }

    RoleView view(boolean english) {
        return new RoleView(
                key.serviceCode(),
                key.roleCode(),
                english ? labelEn : labelFr,
                english ? descriptionEn : descriptionFr);
    }
}
