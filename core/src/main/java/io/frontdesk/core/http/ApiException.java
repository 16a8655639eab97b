package io.frontdesk.core.http;

/**
 * A request that cannot be served, with the status and a message that tells the caller what to fix.
 * Thrown (or failed with) anywhere under a route; {@link HttpErrors} turns it into JSON.
 */
public class ApiException extends RuntimeException {
  private final int status;

  public ApiException(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  public int status() {
    return status;
  }

  public static ApiException badRequest(String message) {
    return new ApiException(400, message);
  }

  public static ApiException unauthorized(String message) {
    return new ApiException(401, message);
  }

  public static ApiException forbidden(String message) {
    return new ApiException(403, message);
  }

  public static ApiException notFound(String message) {
    return new ApiException(404, message);
  }

  public static ApiException conflict(String message) {
    return new ApiException(409, message);
  }

  public static ApiException unavailable(String message) {
    return new ApiException(503, message);
  }
}
