package io.frontdesk.desk.directory;

import java.time.Duration;

/**
 * How to reach Microsoft Graph with an app registration (client credentials) that holds the
 * User-PasswordProfile.ReadWrite.All and User.Read.All application permissions. {@link #toString()}
 * masks the client secret.
 */
public record GraphSettings(
    String graphUrl, String tokenUrl, String clientId, String clientSecret, Duration timeout) {
  @Override
  public String toString() {
    return "GraphSettings[graphUrl="
        + graphUrl
        + ", tokenUrl="
        + tokenUrl
        + ", clientId="
        + clientId
        + ", clientSecret=****, timeout="
        + timeout
        + "]";
  }
}
