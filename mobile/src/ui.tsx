// Shared pieces of every screen: colours for light and dark mode, buttons with touch targets of
// at least 44 pt, labelled inputs, loading and error states that show the problem's detail.
// Text keeps the system's font scaling (dynamic type) everywhere.
import React from "react";
import {
  ActivityIndicator,
  Pressable,
  StyleSheet,
  Text,
  TextInput,
  View,
  useColorScheme,
  type TextInputProps,
  type ViewStyle,
} from "react-native";
import { describe } from "./api/client";

export interface Theme {
  background: string;
  card: string;
  text: string;
  muted: string;
  border: string;
  accent: string;
  onAccent: string;
  danger: string;
  success: string;
  warning: string;
}

const light: Theme = {
  background: "#f6f7f9",
  card: "#ffffff",
  text: "#111827",
  muted: "#4b5563",
  border: "#9ca3af",
  accent: "#1d4ed8",
  onAccent: "#ffffff",
  danger: "#b91c1c",
  success: "#166534",
  warning: "#92400e",
};

const dark: Theme = {
  background: "#0b1120",
  card: "#111827",
  text: "#f3f4f6",
  muted: "#cbd5e1",
  border: "#64748b",
  accent: "#93c5fd",
  onAccent: "#0b1120",
  danger: "#fca5a5",
  success: "#86efac",
  warning: "#fcd34d",
};

export function useTheme(): Theme {
  return useColorScheme() === "dark" ? dark : light;
}

/** Smallest touch target, in points. */
export const TOUCH = 44;

export function Heading({ children, level = 1 }: { children: React.ReactNode; level?: 1 | 2 }) {
  const t = useTheme();
  return (
    <Text
      accessibilityRole="header"
      aria-level={level}
      style={{ color: t.text, fontSize: level === 1 ? 26 : 19, fontWeight: "700", marginVertical: 8 }}
    >
      {children}
    </Text>
  );
}

export function Body({ children, muted, style }: { children: React.ReactNode; muted?: boolean; style?: object }) {
  const t = useTheme();
  return <Text style={[{ color: muted ? t.muted : t.text, fontSize: 16, lineHeight: 22 }, style]}>{children}</Text>;
}

export function Button({
  label,
  onPress,
  kind = "primary",
  big,
  disabled,
  hint,
  style,
}: {
  label: string;
  onPress: () => void;
  kind?: "primary" | "secondary" | "danger";
  big?: boolean;
  disabled?: boolean;
  hint?: string;
  style?: ViewStyle;
}) {
  const t = useTheme();
  const background = kind === "primary" ? t.accent : kind === "danger" ? t.danger : "transparent";
  const color = kind === "secondary" ? t.accent : t.onAccent;
  return (
    <Pressable
      accessibilityRole="button"
      accessibilityLabel={label}
      accessibilityHint={hint}
      accessibilityState={{ disabled: !!disabled }}
      disabled={disabled}
      onPress={onPress}
      style={({ pressed }) => [
        styles.button,
        {
          backgroundColor: background,
          borderColor: kind === "secondary" ? t.accent : background,
          minHeight: big ? 72 : TOUCH,
          opacity: disabled ? 0.5 : pressed ? 0.8 : 1,
        },
        style,
      ]}
    >
      <Text style={{ color, fontSize: big ? 22 : 16, fontWeight: "600", textAlign: "center" }}>{label}</Text>
    </Pressable>
  );
}

export function Field({ label, error, ...props }: TextInputProps & { label: string; error?: string }) {
  const t = useTheme();
  return (
    <View style={{ marginVertical: 6 }}>
      <Text style={{ color: t.text, fontWeight: "600", fontSize: 16, marginBottom: 4 }}>{label}</Text>
      <TextInput
        accessibilityLabel={label}
        placeholderTextColor={t.muted}
        {...props}
        style={[
          styles.input,
          { color: t.text, backgroundColor: t.card, borderColor: error ? t.danger : t.border },
          props.style,
        ]}
      />
      {error ? <Text style={{ color: t.danger, marginTop: 2 }}>{error}</Text> : null}
    </View>
  );
}

export function Loading({ label = "Loading…" }: { label?: string }) {
  const t = useTheme();
  return (
    <View style={styles.row} accessibilityRole="progressbar" accessibilityLabel={label}>
      <ActivityIndicator color={t.accent} />
      <Text style={{ color: t.muted, marginLeft: 8, fontSize: 16 }}>{label}</Text>
    </View>
  );
}

/** An error, with the server problem's `detail`, and a retry when there is something to retry. */
export function ErrorBox({ error, title = "Something went wrong", onRetry }: { error: unknown; title?: string; onRetry?: () => void }) {
  const t = useTheme();
  if (!error) return null;
  return (
    <View accessibilityRole="alert" style={[styles.card, { borderColor: t.danger, backgroundColor: t.card }]}>
      <Text style={{ color: t.danger, fontWeight: "700", fontSize: 16 }}>{title}</Text>
      <Text style={{ color: t.text, fontSize: 16, marginTop: 4 }}>{describe(error)}</Text>
      {onRetry ? <Button label="Try again" kind="secondary" onPress={onRetry} style={{ marginTop: 8 }} /> : null}
    </View>
  );
}

export function Card({ children, style }: { children: React.ReactNode; style?: ViewStyle }) {
  const t = useTheme();
  return <View style={[styles.card, { backgroundColor: t.card, borderColor: t.border }, style]}>{children}</View>;
}

export function Badge({ text, tone = "muted" }: { text: string; tone?: "muted" | "warning" | "success" | "danger" }) {
  const t = useTheme();
  const color = tone === "muted" ? t.muted : t[tone];
  return (
    <Text style={{ color, borderColor: color, borderWidth: 1, borderRadius: 10, paddingHorizontal: 8, fontSize: 14, alignSelf: "flex-start" }}>
      {text}
    </Text>
  );
}

export const styles = StyleSheet.create({
  button: {
    borderWidth: 1,
    borderRadius: 8,
    paddingHorizontal: 14,
    paddingVertical: 10,
    justifyContent: "center",
    alignItems: "center",
    minWidth: TOUCH,
  },
  input: { borderWidth: 1, borderRadius: 8, paddingHorizontal: 12, paddingVertical: 10, fontSize: 16, minHeight: TOUCH },
  card: { borderWidth: 1, borderRadius: 10, padding: 12, marginVertical: 6 },
  row: { flexDirection: "row", alignItems: "center", gap: 8, flexWrap: "wrap" },
});
