import React, { useState } from "react";
import { KeyboardAvoidingView, Platform, ScrollView } from "react-native";
import { useApp } from "../state";
import { Body, Button, ErrorBox, Field, Heading, useTheme } from "../ui";

export function SignInScreen() {
  const { signIn, savedServer, signedOutReason } = useApp();
  const t = useTheme();
  const [server, setServer] = useState(savedServer);
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await signIn(server, email.trim(), password);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <KeyboardAvoidingView behavior={Platform.OS === "ios" ? "padding" : undefined} style={{ flex: 1, backgroundColor: t.background }}>
      <ScrollView contentContainerStyle={{ padding: 20, maxWidth: 520, width: "100%", alignSelf: "center" }}>
        <Heading>Sign in</Heading>
        <Body muted>Your CRM in your pocket: contacts, today's work, and the door of your events.</Body>
        {signedOutReason ? <ErrorBox title="Signed out" error={new Error(signedOutReason)} /> : null}
        <Field
          label="Server"
          value={server}
          onChangeText={setServer}
          autoCapitalize="none"
          autoCorrect={false}
          keyboardType="url"
          inputMode="url"
        />
        <Field
          label="Email"
          value={email}
          onChangeText={setEmail}
          autoCapitalize="none"
          autoComplete="email"
          keyboardType="email-address"
          inputMode="email"
        />
        <Field label="Password" value={password} onChangeText={setPassword} secureTextEntry autoComplete="current-password" onSubmitEditing={submit} />
        <ErrorBox title="Not signed in" error={error} />
        <Button label={busy ? "Signing in…" : "Sign in"} onPress={submit} disabled={busy || !email || !password} style={{ marginTop: 12 }} />
      </ScrollView>
    </KeyboardAvoidingView>
  );
}
