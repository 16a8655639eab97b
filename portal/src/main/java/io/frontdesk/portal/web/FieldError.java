package io.frontdesk.portal.web;

/**
 * One problem with a form, shown in the GOV.UK error summary and next to its field.
 *
 * @param field the id of the input the summary links to
 */
public record FieldError(String field, String message) {}
