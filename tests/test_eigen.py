"""Tests of mml.la.eigen (2x2 eigen-analysis) and mml.la.eigen_widget (its thin ipywidgets view)."""

from __future__ import annotations

import math

import matplotlib

matplotlib.use("agg")

import numpy as np  # noqa: E402
import pytest  # noqa: E402

from mml.la import eigen, eigen_widget  # noqa: E402

RNG = np.random.default_rng(12345)
RANDOM_MATRICES = [RNG.normal(size=(2, 2)) * RNG.choice([0.3, 1, 3]) for _ in range(200)]


@pytest.mark.parametrize(
    "name, kind",
    [("stretch", "distinct"), ("shear", "defective"), ("rotation", "complex"),
     ("reflection", "distinct"), ("singular", "distinct"), ("symmetric", "distinct"),
     ("spiral", "complex"), ("scaling", "scalar")],
)
def test_presets_are_classified(name: str, kind: str) -> None:
    assert eigen.classify(eigen.preset(name)) == kind
    assert eigen.preset(name).shape == (2, 2)
    assert eigen.preset(name) is not eigen.preset(name)  # fresh arrays


@pytest.mark.parametrize(
    "A, kind",
    [
        ([[0, 0], [0, 0]], "scalar"),
        ([[-2, 0], [0, -2]], "scalar"),
        ([[1, 0.1], [0, 1]], "defective"),  # 0.1 is not exact in binary
        ([[0, 1], [0, 0]], "defective"),  # nilpotent
        ([[3, 0], [-0.3, 3]], "defective"),
        ([[0, -1], [1, 0]], "complex"),
        ([[1, 2], [3, 4]], "distinct"),
        ([[0.7, 0.1], [0.3, 0.9]], "distinct"),
    ],
)
def test_classify_edge_cases(A: list, kind: str) -> None:
    assert eigen.classify(A) == kind


@pytest.mark.parametrize("A", RANDOM_MATRICES[:60])
def test_eigenpairs_satisfy_the_definition(A: np.ndarray) -> None:
    e = eigen.eigen(A)
    assert np.allclose(np.sort_complex(e.values.astype(complex)),
                       np.sort_complex(np.linalg.eigvals(A).astype(complex)), atol=1e-9)
    for k in range(2):
        v = e.vectors[:, k]
        assert np.isclose(np.linalg.norm(v), 1.0)
        assert np.allclose(A @ v, e.values[k] * v, atol=1e-9)
    assert np.isclose(e.trace, np.trace(A)) and np.isclose(e.det, np.linalg.det(A))
    if e.kind == "distinct":
        assert e.values.dtype == float and e.values[0] > e.values[1]
        assert e.vectors.dtype == float
    elif e.kind == "complex":
        assert e.values[0].imag > 0 and e.values[1] == np.conj(e.values[0])
        assert e.vectors.dtype == complex and not e.diagonalisable and not e.real


def test_eigenvectors_have_a_reproducible_sign() -> None:
    e = eigen.eigen([[0, 1], [1, 0]])
    assert np.allclose(e.values, [1, -1])
    assert np.allclose(e.vectors, np.array([[1, 1], [1, -1]]) / math.sqrt(2))
    e = eigen.eigen([[2, 0], [0, 0.5]])
    assert np.allclose(e.vectors, np.eye(2))


def test_rotation_scaling_angle_direction_and_modulus() -> None:
    for theta in (0.3, 1.0, math.pi / 2, 2.5):
        for r in (0.5, 1.0, 2.0):
            R = r * np.array([[math.cos(theta), -math.sin(theta)],
                              [math.sin(theta), math.cos(theta)]])
            e = eigen.eigen(R)
            assert e.kind == "complex"
            assert math.isclose(e.angle, theta) and math.isclose(e.modulus, r)
            assert e.turns_counterclockwise is True
            assert eigen.eigen(R.T).turns_counterclockwise is False
    assert eigen.eigen([[2, 0], [0, 1]]).angle is None
    assert eigen.eigen([[2, 0], [0, 1]]).turns_counterclockwise is None


def test_defective_matrix_has_one_direction() -> None:
    e = eigen.eigen([[2, 1], [0, 2]])
    assert e.kind == "defective" and np.allclose(e.values, [2, 2])
    assert np.allclose(e.vectors[:, 0], [1, 0]) and np.allclose(e.vectors[:, 1], [1, 0])
    assert not e.diagonalisable
    assert eigen.diagonalise([[2, 1], [0, 2]]) is None


@pytest.mark.parametrize("A", RANDOM_MATRICES[60:120] + [eigen.preset(n) for n in eigen.PRESETS])
def test_diagonalisation_reconstructs_the_matrix(A: np.ndarray) -> None:
    pd = eigen.diagonalise(A)
    if eigen.classify(A) == "defective":
        assert pd is None
        return
    P, D = pd
    assert np.allclose(D, np.diag(np.diag(D)))
    assert np.allclose(P @ D @ np.linalg.inv(P), A, atol=1e-9)
    real = eigen.classify(A) in ("scalar", "distinct")
    assert eigen.is_diagonalisable(A) is real
    assert eigen.is_diagonalisable(A, complex_ok=True) is True
    assert np.isrealobj(P) is real


def test_is_diagonalisable_shear() -> None:
    assert eigen.is_diagonalisable([[1, 1], [0, 1]]) is False
    assert eigen.is_diagonalisable([[1, 1], [0, 1]], complex_ok=True) is False


@pytest.mark.parametrize("n", [0, 1, 2, 5, -1, -3])
@pytest.mark.parametrize("A", RANDOM_MATRICES[120:135] + [eigen.preset("shear")])
def test_powers(A: np.ndarray, n: int) -> None:
    expected = np.linalg.matrix_power(A if n >= 0 else np.linalg.inv(A), abs(n))
    assert np.allclose(eigen.matrix_power(A, n), expected)
    by_eigen = eigen.power_by_eigen(A, n)
    if eigen.classify(A) == "defective":
        assert by_eigen is None
    else:
        assert np.allclose(by_eigen, expected, rtol=1e-7, atol=1e-7)


def test_negative_power_of_singular_matrix_raises() -> None:
    with pytest.raises(ValueError, match="singular"):
        eigen.matrix_power(eigen.preset("singular"), -1)
    assert eigen.eigen(eigen.preset("singular")).singular
    assert not eigen.eigen(eigen.preset("shear")).singular


def test_shapes_and_images() -> None:
    square, circle, house = eigen.unit_square(), eigen.unit_circle(40), eigen.house()
    assert square.shape == (2, 5) and np.array_equal(square[:, 0], square[:, -1])
    assert circle.shape == (2, 41) and np.allclose(np.linalg.norm(circle, axis=0), 1)
    assert house.shape[0] == 2 and np.array_equal(house[:, 0], house[:, -1])
    A = np.array([[2.0, 1.0], [0.0, 3.0]])
    assert np.allclose(eigen.image(A, square), A @ square)
    shapes = eigen.orbit(A, square, 3)
    assert len(shapes) == 4 and np.allclose(shapes[3], np.linalg.matrix_power(A, 3) @ square)
    with pytest.raises(ValueError):
        eigen.image(A, np.ones((3, 4)))
    with pytest.raises(ValueError):
        eigen.as_matrix(np.eye(3))
    with pytest.raises(ValueError):
        eigen.as_matrix([[1, np.nan], [0, 1]])


def test_format_number() -> None:
    assert eigen.format_number(2) == "2"
    assert eigen.format_number(-0.0) == "0"
    assert eigen.format_number(0.5 + 0.25j) == "0.5 + 0.25i"
    assert eigen.format_number(0.5 - 1j) == "0.5 - i"
    assert eigen.format_number(2j) == "2i"
    assert eigen.format_number(1 / 3) == "0.333"


def test_descriptions_say_things_plainly() -> None:
    text = " ".join(eigen.describe(eigen.preset("rotation")))
    assert "no real eigenvectors" in text and "rotates by θ = 36.9° counter-clockwise" in text
    assert "scales by r = 1" in text
    skew = " ".join(eigen.describe([[1, -2], [1, 1]]))
    assert "skewed basis" in skew
    shear = " ".join(eigen.describe(eigen.preset("shear")))
    assert "Not diagonalisable" in shear and "ONE eigen-direction" in shear
    assert "Singular" in " ".join(eigen.describe(eigen.preset("singular")))
    assert "flips the orientation" in " ".join(eigen.describe(eigen.preset("reflection")))
    assert "EVERY non-zero vector" in " ".join(eigen.describe(eigen.preset("scaling")))
    assert "zero matrix" in " ".join(eigen.describe(np.zeros((2, 2))))
    assert "no eigenbasis" in eigen.latex_diagonalisation(eigen.preset("shear"))
    assert "complex" in eigen.latex_diagonalisation(eigen.preset("rotation"))
    latex = eigen.latex_diagonalisation([[2, 0], [0, 3]])
    assert latex.count("pmatrix") == 8


# ----------------------------------------------------------------------------- the widget


@pytest.mark.parametrize("name", list(eigen.PRESETS))
def test_draw_every_preset(name: str) -> None:
    fig = eigen_widget.draw(eigen.preset(name), 4, shape="square")
    assert len(fig.axes) == 2
    assert eigen_widget.render_png(fig)[:4] == b"\x89PNG"


def test_draw_reuses_a_figure_and_handles_power_zero() -> None:
    fig = eigen_widget.draw([[1, 2], [3, 4]], 0, shape="circle")
    again = eigen_widget.draw([[0, 0], [0, 0]], 10, fig=fig)
    assert again is fig and len(fig.axes) == 2


def test_explorer_follows_its_controls() -> None:
    explorer = eigen_widget.EigenExplorer(preset="shear", n=2)
    assert np.array_equal(explorer.matrix, [[1, 1], [0, 1]])
    assert explorer.presets.value == "shear"
    assert "ONE eigen-direction" in explorer.text.value
    first = explorer.image.value
    assert first[:4] == b"\x89PNG"

    explorer.presets.value = "rotation"
    assert np.allclose(explorer.matrix, eigen.preset("rotation"))
    assert "no real eigenvectors" in explorer.text.value
    assert explorer.image.value != first

    explorer.entries[2].value = 0.0  # c: the rotation becomes something else
    assert explorer.presets.value == eigen_widget.CUSTOM
    assert "rotates" not in explorer.text.value

    explorer.power.value = 5
    explorer.shape.value = "circle"
    explorer.set_matrix([[2, 0], [0, -1]])
    assert explorer.presets.value == eigen_widget.CUSTOM
    assert "Two real eigenvalues: 2 and -1" in explorer.text.value
    assert "$$" in explorer.text.value
