package fr.guichet.helpdesk.reference;

import static fr.guichet.helpdesk.reference.ReferencePages.ROOT;

import fr.guichet.account.SignedInPerson;
import fr.guichet.helpdesk.reference.ReferenceForms.CategoryForm;
import fr.guichet.shared.NotFoundException;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The request tree: every node with who files there, what the form requires and how it ends. */
@Controller
class CategoryPages {

    private static final String CATEGORIES = ROOT + "/categories";

    private final CategoryTree tree;
    private final Products products;
    private final Rosters rosters;
    private final ReferenceAccess access;

    CategoryPages(CategoryTree tree, Products products, Rosters rosters, ReferenceAccess access) {
        this.tree = tree;
        this.products = products;
        this.rosters = rosters;
        this.access = access;
    }

    @ModelAttribute
    void staffOnly(@AuthenticationPrincipal SignedInPerson person) {
        access.requireStaff(person);
    }

    @InitBinder
    void lenient(WebDataBinder binder) {
        ReferenceForms.lenientChoices(binder);
    }

    @GetMapping(CATEGORIES)
    String list(Model model) {
        model.addAttribute("nodes", tree.tree());
        model.addAttribute("products", products.all());
        model.addAttribute("teams", rosters.all(Rosters.Kind.TEAM));
        return "helpdesk/reference/categories";
    }

    @GetMapping(CATEGORIES + "/nouvelle")
    String newCategory(@RequestParam(name = "parent", required = false) Long parent, Model model) {
        model.addAttribute("form", CategoryForm.empty());
        return form(model, null, parent(parent));
    }

    @PostMapping(CATEGORIES + "/nouvelle")
    String create(
            @AuthenticationPrincipal SignedInPerson person,
            @RequestParam(name = "parent", required = false) Long parent,
            @Valid @ModelAttribute("form") CategoryForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        var parentNode = parent(parent);
        form.check(result);
        if (!result.hasErrors()) {
            try {
                tree.create(person.accountId(), parent, form);
                redirect.addFlashAttribute("saved", "reference.category.created");
                return "redirect:" + CATEGORIES;
            } catch (ReferenceRefused refusal) {
                refusal.showOn(result);
            }
        }
        return form(model, null, parentNode);
    }

    @GetMapping(CATEGORIES + "/{id}")
    String edit(@PathVariable("id") long id, Model model) {
        var node = tree.find(id).orElseThrow(NotFoundException::new);
        model.addAttribute("form", node.form());
        return form(model, node, parent(node.parentId()));
    }

    @PostMapping(CATEGORIES + "/{id}")
    String change(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @Valid @ModelAttribute("form") CategoryForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        var node = tree.find(id).orElseThrow(NotFoundException::new);
        form.check(result);
        if (!result.hasErrors()) {
            try {
                tree.change(person.accountId(), id, form);
                redirect.addFlashAttribute("saved", "reference.category.changed");
                return "redirect:" + CATEGORIES;
            } catch (ReferenceRefused refusal) {
                refusal.showOn(result);
            }
        }
        return form(model, node, parent(node.parentId()));
    }

    private CategoryTree.Node parent(Long id) {
        return id == null ? null : tree.find(id).orElseThrow(NotFoundException::new);
    }

    private String form(Model model, CategoryTree.Node node, CategoryTree.Node parent) {
        model.addAttribute("category", node);
        model.addAttribute("parent", parent);
        model.addAttribute("products", products.all());
        model.addAttribute("teams", rosters.all(Rosters.Kind.TEAM));
        model.addAttribute("requirable", RequiredField.values());
        return "helpdesk/reference/category";
    }
}
