package id.go.kemensos.returnee.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns a validated access token into an authentication whose authorities are the officer's roles and whose name is the
 * subject.
 */
final class OfficerTokenConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    @Override
    public AbstractAuthenticationToken convert(Jwt token) {
        Officer officer = Officer.from(token);
        return new JwtAuthenticationToken(
                token,
                officer.roles().stream()
                        .map(r -> new SimpleGrantedAuthority(r.authority()))
                        .toList(),
                token.getSubject());
    }
}
