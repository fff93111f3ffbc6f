// The product page's variant picker: a new variant changes the price, and the points preview
// follows because <laurel-points> observes its amount attribute.
document.addEventListener("change", function (event) {
  var input = event.target;
  if (!input.matches || !input.matches("input[name=variant]")) {
    return;
  }
  document.getElementById("price").textContent = "€" + input.value;
  document.querySelector("laurel-points").setAttribute("amount", input.value);
});
