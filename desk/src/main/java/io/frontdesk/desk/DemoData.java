package io.frontdesk.desk;

import static io.frontdesk.core.security.Role.ADMIN;
import static io.frontdesk.core.security.Role.AGENT;
import static io.frontdesk.core.security.Role.CHAMPION;
import static io.frontdesk.core.security.Role.MANAGER;
import static io.frontdesk.core.security.Role.SCHOOL_ADMIN;
import static io.frontdesk.core.security.Role.SCHOOL_CONTACT;
import static io.frontdesk.core.security.Role.STAFF;

import io.frontdesk.core.security.Role;
import io.frontdesk.desk.els.ElsProject;
import io.frontdesk.desk.els.ProjectRepository;
import io.frontdesk.desk.people.School;
import io.frontdesk.desk.people.SchoolRepository;
import io.frontdesk.desk.people.User;
import io.frontdesk.desk.people.UserRepository;
import io.frontdesk.desk.routing.GroupRepository;
import io.frontdesk.desk.routing.ResolverGroup;
import io.frontdesk.desk.routing.RoutingRule;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Demo data for Northshire County Council: staff, agents in each resolver group, Digital Champions,
 * a manager and an admin; five schools with an admin and contacts each; resolver groups and routing
 * rules; and the FinanceOne go-live in its Early Life Support window (started 10 days ago, ends in
 * 25). No passwords: school portal accounts get theirs by invitation.
 */
public final class DemoData {
  public static final String DOMAIN = "northshire.gov.uk";
  public static final String ELS_PROJECT = "financeone";

  /**
   * Demo users whose Teams identity is that of the recorded activities in ../shared/data
   * (teams-payloads), so the demo answers those activities as a known person.
   */
  public static final java.util.Map<String, String> TEAMS_AAD_OBJECT_IDS =
      java.util.Map.of(
          "u-priya-shah", "6d415fdd-f97e-4f70-ac45-e69601e4ecb2",
          "u-tom-hughes", "6b703ce3-6d14-4fe6-b90c-dc5f03657ae4",
          "u-james-wilson", "c5e99701-2a32-49c1-a660-4629ceeb8c61",
          "u-aisha-bello", "b15a9416-0ad3-4172-9210-7beb711d3f70",
          "u-gareth-lloyd", "eddfa9d4-346e-4cce-a18f-fa6261ad776b");

  private DemoData() {}

  public static void seed(
      UserRepository users,
      SchoolRepository schools,
      GroupRepository groups,
      ProjectRepository projects,
      Instant now) {
    for (ResolverGroup g : groups()) {
      groups.save(g);
    }
    for (RoutingRule r : rules()) {
      groups.save(r);
    }
    for (School s : schools()) {
      schools.save(s);
    }
    for (User u : users()) {
      users.save(u);
    }
    projects.save(
        new ElsProject(
            ELS_PROJECT,
            "FinanceOne finance system",
            List.of("Finance systems"),
            List.of("FinanceOne", "Finance One"),
            List.of(
                "purchase order",
                "invoice approval",
                "budget report",
                "cost centre",
                "supplier payment"),
            now.minus(Duration.ofDays(10)),
            now.plus(Duration.ofDays(25)),
            "els-financeone",
            "financeone-project",
            "u-oliver-brooks",
            "stay",
            false));
  }

  public static List<ResolverGroup> groups() {
    return List.of(
        new ResolverGroup("service-desk", "Service Desk (level 1)", "staff", 1, 60),
        new ResolverGroup("schools-desk", "Schools Desk (level 1)", "schools", 1, 40),
        new ResolverGroup("applications", "Applications (level 2)", "staff", 2, 30),
        new ResolverGroup("network", "Network (level 2)", "staff", 2, 25),
        new ResolverGroup("euc", "End User Computing (level 2)", "staff", 2, 30),
        new ResolverGroup("security", "Security (level 3)", "staff", 3, 15),
        new ResolverGroup("els-financeone", "Early Life Support: FinanceOne", "staff", 1, 25),
        new ResolverGroup("financeone-project", "FinanceOne project team", "staff", 3, 20));
  }

  public static List<RoutingRule> rules() {
    return List.of(
        new RoutingRule(
            "security-keywords",
            10,
            "staff",
            List.of("Information security"),
            List.of(),
            List.of("phishing", "suspicious email", "malware", "ransomware"),
            "security"),
        new RoutingRule(
            "schools-security",
            15,
            "schools",
            List.of("Information security"),
            List.of(),
            List.of("phishing", "malware"),
            "security"),
        new RoutingRule(
            "network",
            20,
            "staff",
            List.of("Network and Wi-Fi", "Telephony"),
            List.of(),
            List.of("vpn", "wi-fi", "wifi"),
            "network"),
        new RoutingRule(
            "devices",
            30,
            "staff",
            List.of("Devices and hardware", "Printing"),
            List.of(),
            List.of(),
            "euc"),
        new RoutingRule(
            "applications",
            40,
            "staff",
            List.of("Software and applications", "Finance systems"),
            List.of(),
            List.of(),
            "applications"));
  }

  public static List<School> schools() {
    List<String> gold =
        List.of(
            "Schools ICT",
            "Schools MIS",
            "Email and calendar",
            "Accounts and access",
            "Network and Wi-Fi",
            "Devices and hardware",
            "Software and applications",
            "Printing",
            "Information security",
            "On-site support");
    List<String> silver =
        List.of(
            "Schools ICT",
            "Schools MIS",
            "Email and calendar",
            "Accounts and access",
            "Network and Wi-Fi",
            "Information security",
            "On-site support");
    List<String> bronze =
        List.of(
            "Schools ICT",
            "Email and calendar",
            "Accounts and access",
            "Information security",
            "On-site support");
    return List.of(
        new School("st-marys-primary", "St Mary's CE Primary School", "Gold", gold, 12, 3),
        new School("oakfield-academy", "Oakfield Academy", "Silver", silver, 6, 2),
        new School(
            "riverside-primary", "Riverside Community Primary School", "Bronze", bronze, 2, 2),
        new School("hillcrest-high", "Hillcrest High School", "Gold", gold, 20, 5),
        new School("meadowbank-infants", "Meadowbank Infant School", "Silver", silver, 6, 0));
  }

  public static List<User> users() {
    return List.of(
        staff("u-priya-shah", "Priya Shah", "u-james-wilson", EnumSet.of(STAFF), List.of(), false),
        staff("u-tom-hughes", "Tom Hughes", "u-james-wilson", EnumSet.of(STAFF), List.of(), false),
        staff(
            "u-aisha-bello",
            "Aisha Bello",
            "u-fiona-campbell",
            EnumSet.of(STAFF),
            List.of(),
            false),
        staff(
            "u-james-wilson",
            "James Wilson",
            "u-fiona-campbell",
            EnumSet.of(STAFF),
            List.of(),
            false),
        staff(
            "u-gareth-lloyd",
            "Gareth Lloyd",
            "u-fiona-campbell",
            EnumSet.of(STAFF, AGENT),
            List.of("service-desk"),
            false),
        staff(
            "u-megan-price",
            "Megan Price",
            "u-fiona-campbell",
            EnumSet.of(STAFF, AGENT),
            List.of("service-desk", "schools-desk"),
            false),
        staff(
            "u-daniel-okafor",
            "Daniel Okafor",
            "u-fiona-campbell",
            EnumSet.of(STAFF, AGENT),
            List.of("applications", "software-approvers"),
            false),
        staff(
            "u-sophie-turner",
            "Sophie Turner",
            "u-fiona-campbell",
            EnumSet.of(STAFF, AGENT),
            List.of("network"),
            false),
        staff(
            "u-liam-evans",
            "Liam Evans",
            "u-fiona-campbell",
            EnumSet.of(STAFF, AGENT),
            List.of("euc"),
            false),
        staff(
            "u-hannah-morgan",
            "Hannah Morgan",
            "u-fiona-campbell",
            EnumSet.of(STAFF, AGENT),
            List.of("security"),
            true),
        staff(
            "u-rachel-green",
            "Rachel Green",
            "u-fiona-campbell",
            EnumSet.of(STAFF, AGENT),
            List.of("els-financeone"),
            false),
        staff(
            "u-oliver-brooks",
            "Oliver Brooks",
            "u-fiona-campbell",
            EnumSet.of(STAFF, AGENT),
            List.of("financeone-project"),
            false),
        staff(
            "u-emma-clarke",
            "Emma Clarke",
            "u-james-wilson",
            EnumSet.of(STAFF, CHAMPION),
            List.of(),
            false),
        staff(
            "u-chris-walker",
            "Chris Walker",
            "u-james-wilson",
            EnumSet.of(STAFF, CHAMPION),
            List.of(),
            false),
        staff(
            "u-fiona-campbell",
            "Fiona Campbell",
            null,
            EnumSet.of(STAFF, MANAGER),
            List.of("software-approvers"),
            false),
        staff(
            "u-mark-davies",
            "Mark Davies",
            "u-fiona-campbell",
            EnumSet.of(STAFF, ADMIN, AGENT),
            List.of("service-desk"),
            true),
        school("u-sarah-jones", "Sarah Jones", "st-marys-primary", "stmarys", SCHOOL_ADMIN),
        school("u-karen-white", "Karen White", "st-marys-primary", "stmarys", SCHOOL_CONTACT),
        school("u-paul-roberts", "Paul Roberts", "oakfield-academy", "oakfield", SCHOOL_ADMIN),
        school("u-julie-hall", "Julie Hall", "oakfield-academy", "oakfield", SCHOOL_CONTACT),
        school("u-nadia-hussain", "Nadia Hussain", "riverside-primary", "riverside", SCHOOL_ADMIN),
        school("u-ben-taylor", "Ben Taylor", "riverside-primary", "riverside", SCHOOL_CONTACT),
        school("u-claire-edwards", "Claire Edwards", "hillcrest-high", "hillcrest", SCHOOL_ADMIN),
        school("u-david-thomas", "David Thomas", "hillcrest-high", "hillcrest", SCHOOL_CONTACT),
        school("u-lucy-martin", "Lucy Martin", "meadowbank-infants", "meadowbank", SCHOOL_ADMIN),
        school("u-amy-wright", "Amy Wright", "meadowbank-infants", "meadowbank", SCHOOL_CONTACT));
  }

  private static User staff(
      String id,
      String name,
      String manager,
      Set<Role> roles,
      List<String> groups,
      boolean privileged) {
    String[] parts = name.toLowerCase(java.util.Locale.ROOT).split(" ");
    String upn = parts[0].charAt(0) + "." + parts[1] + "@" + DOMAIN;
    String aad =
        TEAMS_AAD_OBJECT_IDS.getOrDefault(
            id,
            java.util
                .UUID
                .nameUUIDFromBytes(id.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString());
    return new User(
        id,
        name,
        parts[0] + "." + parts[1] + "@" + DOMAIN,
        upn,
        aad,
        roles,
        null,
        manager,
        privileged,
        false,
        groups,
        null);
  }

  private static User school(String id, String name, String schoolId, String host, Role role) {
    String[] parts = name.toLowerCase(java.util.Locale.ROOT).split(" ");
    return new User(
        id,
        name,
        parts[0].charAt(0) + parts[1] + "@" + host + ".northshire.sch.uk",
        null,
        null,
        EnumSet.of(role),
        schoolId,
        null,
        false,
        false,
        List.of(),
        null);
  }
}
