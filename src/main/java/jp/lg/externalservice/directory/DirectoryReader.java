package jp.lg.externalservice.directory;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads the staff, departments and role groups from the directory: plain values, no engine.
 * Searches are paged (Active Directory returns at most 1000 entries per page).
 */
final class DirectoryReader {

  /** A role in a department (null for the ward-wide roles). */
  record RoleIn(DirectoryRole role, String departmentCode) {}

  /** One member of staff as the directory has her. */
  record Person(
      String id,
      String dn,
      String lastName,
      String firstName,
      String lastNameKana,
      String firstNameKana,
      String mail,
      String departmentCode,
      Set<RoleIn> roles) {}

  /**
   * Everything one synchronisation needs: departments by code (name), and the people.
   *
   * @param unknownDepartments users whose department matches no department entry (reported)
   */
  record Snapshot(
      Map<String, String> departments, List<Person> people, List<String> unknownDepartments) {}

  private static final int PAGE = 500;

  private final DirectorySettings settings;
  private final DirectoryConnections connections;

  DirectoryReader(DirectorySettings settings, DirectoryConnections connections) {
    this.settings = settings;
    this.connections = connections;
  }

  Snapshot read() throws LDAPException {
    try (LDAPConnection connection = connections.service()) {
      DirectorySettings.Departments d = settings.departments();
      Map<String, String> departments = new LinkedHashMap<>();
      Map<String, String> codeByKey = new HashMap<>(); // lower-case code or name → code
      Map<String, String> codeByMemberDn = new HashMap<>();
      search(
          connection,
          d.base(),
          Filter.create(d.filter()),
          entry -> {
            String code = entry.getAttributeValue(d.codeAttribute());
            if (code == null || code.isBlank()) {
              return; // an entry without a code is no department of this system
            }
            code = code.trim();
            String name =
                Optional.ofNullable(entry.getAttributeValue(d.nameAttribute())).orElse(code);
            departments.put(code, name.trim());
            codeByKey.put(code.toLowerCase(Locale.ROOT), code);
            codeByKey.putIfAbsent(name.trim().toLowerCase(Locale.ROOT), code);
            String[] members = entry.getAttributeValues(d.memberAttribute());
            if (members != null) {
              for (String member : members) {
                codeByMemberDn.put(normalized(member), code);
              }
            }
          },
          d.codeAttribute(),
          d.nameAttribute(),
          d.memberAttribute());

      Map<String, Set<RoleIn>> rolesByDn = new HashMap<>();
      for (DirectorySettings.RoleGroup group : settings.roles()) {
        for (String member : members(connection, group)) {
          String department =
              group.department() == null || group.department().isBlank()
                  ? null
                  : group.department().trim();
          rolesByDn
              .computeIfAbsent(normalized(member), k -> new HashSet<>())
              .add(new RoleIn(group.role(), department));
        }
      }

      DirectorySettings.Attributes a = settings.attributes();
      List<Person> people = new ArrayList<>();
      List<String> unknown = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      search(
          connection,
          settings.userBase(),
          Filter.create(settings.userFilter()),
          entry -> {
            String id = entry.getAttributeValue(a.id());
            if (id == null || id.isBlank() || !seen.add(id.trim())) {
              return;
            }
            String dn = normalized(entry.getDN());
            String department;
            if (a.department().isEmpty()) {
              department = codeByMemberDn.get(dn);
            } else {
              String value = entry.getAttributeValue(a.department());
              department =
                  value == null ? null : codeByKey.get(value.trim().toLowerCase(Locale.ROOT));
            }
            if (department == null) {
              unknown.add(id.trim());
            }
            Set<RoleIn> roles = new HashSet<>();
            for (RoleIn role : rolesByDn.getOrDefault(dn, Set.of())) {
              if (role.role().perDepartment()) {
                String in = role.departmentCode() != null ? role.departmentCode() : department;
                if (in != null) {
                  roles.add(new RoleIn(role.role(), in));
                }
              } else {
                roles.add(new RoleIn(role.role(), null));
              }
            }
            people.add(
                new Person(
                    id.trim(),
                    entry.getDN(),
                    text(entry, a.lastName()),
                    text(entry, a.firstName()),
                    text(entry, a.lastNameKana()),
                    text(entry, a.firstNameKana()),
                    text(entry, a.mail()),
                    department,
                    Set.copyOf(roles)));
          },
          a.id(),
          a.lastName(),
          a.firstName(),
          a.lastNameKana(),
          a.firstNameKana(),
          a.mail(),
          a.department().isEmpty() ? a.id() : a.department());
      return new Snapshot(departments, people, unknown);
    }
  }

  /**
   * The DN of the user whose id is {@code userId} under the user filter, or empty (unknown, or no
   * longer staff). The id is escaped in the filter (no LDAP injection).
   */
  Optional<String> userDn(String userId) throws LDAPException {
    try (LDAPConnection connection = connections.service()) {
      Filter filter =
          Filter.createANDFilter(
              Filter.create(settings.userFilter()),
              Filter.createEqualityFilter(settings.attributes().id(), userId));
      SearchResult result =
          connection.search(
              new SearchRequest(
                  settings.userBase(), SearchScope.SUB, filter, settings.attributes().id()));
      if (result.getEntryCount() != 1) {
        return Optional.empty();
      }
      SearchResultEntry entry = result.getSearchEntries().get(0);
      // the directory matches ids ignoring case, the engine does not: "UEDA" would log in as a
      // user without groups; only the id as synchronised logs in
      String id = entry.getAttributeValue(settings.attributes().id());
      return id != null && id.trim().equals(userId) ? Optional.of(entry.getDN()) : Optional.empty();
    }
  }

  private List<String> members(LDAPConnection connection, DirectorySettings.RoleGroup group)
      throws LDAPException {
    SearchResultEntry entry;
    if (group.byDn()) {
      entry = connection.getEntry(group.group(), group.memberAttribute());
    } else {
      SearchResult found =
          connection.search(
              new SearchRequest(
                  settings.groupBase(),
                  SearchScope.SUB,
                  Filter.createEqualityFilter("cn", group.group()),
                  group.memberAttribute()));
      entry = found.getEntryCount() == 1 ? found.getSearchEntries().get(0) : null;
    }
    if (entry == null) {
      // a missing role group would silently take the role from everyone: refuse the whole run
      throw new LDAPException(
          ResultCode.NO_SUCH_OBJECT, "role group not found in the directory: " + group.group());
    }
    String[] values = entry.getAttributeValues(group.memberAttribute());
    return values == null ? List.of() : List.of(values);
  }

  private static void search(
      LDAPConnection connection,
      String base,
      Filter filter,
      Consumer<SearchResultEntry> each,
      String... attributes)
      throws LDAPException {
    ASN1OctetString cookie = null;
    do {
      SearchRequest request = new SearchRequest(base, SearchScope.SUB, filter, attributes);
      request.setControls(new SimplePagedResultsControl(PAGE, cookie));
      SearchResult result = connection.search(request);
      result.getSearchEntries().forEach(each);
      SimplePagedResultsControl paged = SimplePagedResultsControl.get(result);
      cookie = paged == null ? null : paged.getCookie();
    } while (cookie != null && cookie.getValueLength() > 0);
  }

  private static String text(SearchResultEntry entry, String attribute) {
    String value = entry.getAttributeValue(attribute);
    return value == null || value.isBlank() ? null : value.trim();
  }

  static String normalized(String dn) {
    try {
      return new DN(dn).toNormalizedString();
    } catch (LDAPException e) {
      return dn.toLowerCase(Locale.ROOT);
    }
  }
}
