/** Why the form's last submission failed, announced at once; nothing while there is no message. */
export function FormError(props: { readonly message: string | null }) {
  if (props.message === null) return null
  return (
    <p className="form-error" role="alert">
      {props.message}
    </p>
  )
}
