package io.frontdesk.portal.web;

import io.frontdesk.core.security.Principal;
import io.frontdesk.core.security.Role;
import java.util.List;
import java.util.Optional;

/**
 * What the layout template needs on every page: title, brand, assets, who is signed in, the CSRF
 * token for forms and any form errors. Page-specific data goes in a template's other parameters.
 *
 * @param user the signed-in principal, or null
 * @param csrf the token every POST form carries in its {@code csrf} field
 * @param demo show the demo-mode banner
 * @param errors form errors, in the order of the fields on the page
 * @param path the request path, for marking the current navigation item
 */
public record Page(
    String title,
    String serviceName,
    String organisation,
    Assets assets,
    Principal user,
    String csrf,
    boolean demo,
    List<FieldError> errors,
    String path) {

  public Page {
    errors = List.copyOf(errors);
  }

  public boolean signedIn() {
    return user != null;
  }

  public boolean has(Role role) {
    return user != null && user.has(role);
  }

  public boolean isSchoolUser() {
    return user != null && user.isSchoolUser();
  }

  public Optional<Principal> principal() {
    return Optional.ofNullable(user);
  }

  public String asset(String name) {
    return assets.url(name);
  }

  /** GOV.UK pattern: "Error: " prefix when the page shows form errors. */
  public String fullTitle() {
    return (errors.isEmpty() ? "" : "Error: ") + title + " - " + serviceName + " - " + organisation;
  }

  public String errorFor(String field) {
    return errors.stream()
        .filter(e -> e.field().equals(field))
        .map(FieldError::message)
        .findFirst()
        .orElse(null);
  }

  public boolean current(String prefix) {
    return prefix.equals("/") ? path.equals("/") : path.startsWith(prefix);
  }

  public Page withErrors(List<FieldError> e) {
    return new Page(title, serviceName, organisation, assets, user, csrf, demo, e, path);
  }

  public Page withTitle(String t) {
    return new Page(t, serviceName, organisation, assets, user, csrf, demo, errors, path);
  }
}
