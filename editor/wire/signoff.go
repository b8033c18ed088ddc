package wire

// BoilerplateSignoff is the Kind of an agency's sign-off kept out of the body.
const BoilerplateSignoff = "signoff"
